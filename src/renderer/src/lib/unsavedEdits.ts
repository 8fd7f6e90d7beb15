import type { FormInstance } from 'antd'
import { useEffect, useRef } from 'react'

/** Every mounted edit form's "has the clerk changed something not yet saved?". */
const checkers = new Set<() => boolean>()

export function hasUnsavedEdits(): boolean {
  for (const dirty of checkers) if (dirty()) return true
  return false
}

// Closing or reloading the window with unsaved edits asks first (the browser's own question).
window.addEventListener('beforeunload', (e) => {
  if (!hasUnsavedEdits()) return
  e.preventDefault()
  e.returnValue = ''
})

type Asker = (leave: () => void) => void
let ask: Asker = (leave) => {
  if (window.confirm('有未保存的修改，离开后将丢失。确定离开吗？')) leave()
}

/** The window's own question (an antd dialog from the shell), in place of the browser's confirm. */
export function setLeaveAsker(asker: Asker): void {
  ask = asker
}

// In-app navigation is the address's hash. This listener is added before any page's, so when the clerk
// stays it stops the others from seeing the change and puts the address back.
let shown = window.location.hash
let leaving = false
window.addEventListener('hashchange', (e) => {
  const next = window.location.hash
  if (leaving || !hasUnsavedEdits()) {
    leaving = false
    shown = next
    return
  }
  e.stopImmediatePropagation()
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + shown)
  ask(() => {
    leaving = true
    window.location.hash = next
  })
})

/** Registers "are there unsaved edits?" of an editor that is not an antd form (a table held in state). */
export function useLeaveGuard(dirty: () => boolean): void {
  const latest = useRef(dirty)
  latest.current = dirty
  useEffect(() => {
    const check = () => latest.current()
    checkers.add(check)
    return () => {
      checkers.delete(check)
    }
  }, [])
}

/**
 * Registers an edit form while it is mounted, so that leaving the page (the menu, Back, another address)
 * or closing the window asks before what was typed is lost. The form counts as changed once the clerk
 * touched a field and what it holds differs from what was last shown as saved (`showSaved`, `markClean`).
 */
export function useUnsavedEdits(form: FormInstance, active = true): void {
  useLeaveGuard(() => {
    if (!active || !form.isFieldsTouched()) return false
    // A field left after typing its saved value again (or re-formatted on blur) is not an edit.
    const saved = baselines.get(form)
    return saved === undefined || saved !== snapshot(form)
  })
}

const baselines = new WeakMap<FormInstance, string>()
const snapshot = (form: FormInstance) => JSON.stringify(form.getFieldsValue(true))

/** What the form holds now is what is saved (a dialog just filled with its record's values). */
export function markClean(form: FormInstance): void {
  baselines.set(form, snapshot(form))
}

/** Shows the values as saved: the form holds exactly them and has no unsaved edits. */
export function showSaved<T extends object>(form: FormInstance<T>, values: T): void {
  form.setFieldsValue(values as Parameters<FormInstance<T>['setFieldsValue']>[0])
  markClean(form)
}
