import { noticeKindInput, noticePreviewInput, noticeTemplateInput } from '../../shared/notices'
import type { Services } from '../core/services'
import { method, query } from './method'

/** The wording of the election notices (公告模板): each save a new version, a preview filled with a real village. */
export const noticesApi = ({ noticeTemplates, exports }: Services) => ({
  templates: query(() => noticeTemplates.list()),
  versions: method(noticeKindInput, ({ notice }) => noticeTemplates.versions(notice)),
  save: method(noticeTemplateInput, ({ notice, title, body }) => noticeTemplates.save(notice, { title, body }), { title: '标题', body: '正文' }),
  preview: method(noticePreviewInput, ({ villageId, title, body }) => exports.noticePreview(villageId, { title, body }), { title: '标题', body: '正文' })
})
