import { auditQuery } from '../../shared/audit'
import type { Services } from '../core/services'
import { method } from './method'

/** 操作记录: who changed what, and when. */
export const auditApi = ({ audit }: Services) => ({
  list: method(auditQuery, (q) => audit.list(q))
})
