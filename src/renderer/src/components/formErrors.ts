import type { FormInstance } from 'antd'
import { ApiError } from '../api/client'

/**
 * Puts an API failure where the clerk looks: field problems under their fields, the rest as a message.
 * Returns the message to show at the top of the form, or null when every problem sits on a field.
 */
export function showFormErrors(form: FormInstance, e: unknown, prefix = ''): string {
  if (!(e instanceof ApiError)) return (e as Error).message
  const fields = e.error.fields ?? {}
  const names = Object.keys(fields).filter((k) => k !== '_')
  form.setFields(
    names.map((k) => ({ name: (prefix && k.startsWith(prefix) ? k.slice(prefix.length) : k)
      .split('.')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [fields[k]] }))
  )
  return e.error.message
}
