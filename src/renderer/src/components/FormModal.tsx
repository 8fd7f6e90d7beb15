import { Alert, Modal } from 'antd'
import type { FormInstance } from 'antd'
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { markClean, useUnsavedEdits } from '../lib/unsavedEdits'

/**
 * Enter saves from any field but a multi-line one (there Ctrl+Enter does), a button, or an open list;
 * never while an input method is composing Chinese.
 */
export function submitsOnEnter(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey || e.altKey) return false
  const t = e.target as HTMLElement
  if (t.tagName === 'BUTTON' || t.tagName === 'A') return false
  if (t.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey)) return false
  return t.getAttribute('aria-expanded') !== 'true'
}

/**
 * A form in a dialog: 保存 (or Enter) submits the form, Esc and 取消 close it, a refusal shows on top,
 * a click outside never loses the input.
 *
 * The form instance outlives the dialog, and antd's form store keeps the last values of fields that
 * unmount and lets them win over a new Form's initialValues; so each time the dialog opens (or `session`
 * names another record) every stored value is cleared and exactly `values` is shown.
 */
export function FormModal({
  open,
  title,
  width,
  form,
  values,
  session = '',
  saving = false,
  okText = '保存',
  problem,
  onClose,
  children
}: {
  open: boolean
  title: string
  width?: number
  form: FormInstance
  /** What the dialog shows when it opens: the saved record, or the defaults of a new one. */
  values?: object
  /** Which record the dialog holds; a new session while open shows that record's values. */
  session?: string | number
  saving?: boolean
  okText?: string
  problem: string | null
  onClose: () => void
  children: ReactNode
}) {
  useUnsavedEdits(form, open)
  const latest = useRef(values)
  latest.current = values
  useLayoutEffect(() => {
    if (!open || latest.current === undefined) return
    form.resetFields()
    const stale = Object.keys(form.getFieldsValue(true) as object)
    form.setFieldsValue({ ...Object.fromEntries(stale.map((k) => [k, undefined])), ...latest.current })
    markClean(form)
  }, [open, session, form])

  const onKeyDown = (e: KeyboardEvent) => {
    if (!submitsOnEnter(e)) return
    e.preventDefault()
    if (!saving) form.submit()
  }

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <div onKeyDown={onKeyDown}>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} />}
        {children}
      </div>
    </Modal>
  )
}
