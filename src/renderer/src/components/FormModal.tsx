import { Alert, Modal } from 'antd'
import type { FormInstance } from 'antd'
import type { ReactNode } from 'react'

/** A form in a dialog: 保存 submits the form, a refusal shows on top, a click outside never loses the input. */
export function FormModal({
  open,
  title,
  width,
  form,
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
  saving?: boolean
  okText?: string
  problem: string | null
  onClose: () => void
  children: ReactNode
}) {
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
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {children}
    </Modal>
  )
}
