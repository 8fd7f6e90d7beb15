import { DEFAULT_NOTICE_TEMPLATES, NOTICE_KINDS, type NoticeKind, type NoticeTemplate, type NoticeTemplateText } from '../../shared/notices'
import type { Clock } from './clock'
import type { Store } from './store'

/** The office's wording of the election notices: the latest saved version of each, or the shipped one. */
export class NoticeTemplateService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  /** Every notice's wording in force, in the order the notices are posted. */
  list(): NoticeTemplate[] {
    return NOTICE_KINDS.map((n) => this.current(n))
  }

  current(notice: NoticeKind): NoticeTemplate {
    return this.versions(notice)[0]
  }

  /** Every version of a notice, newest first, ending with the shipped wording (version 0). */
  versions(notice: NoticeKind): NoticeTemplate[] {
    const saved = this.store.all<NoticeTemplate>(
      `SELECT notice, version, title, body, saved_at AS savedAt FROM notice_templates WHERE notice = ? ORDER BY version DESC`,
      notice
    )
    return [...saved, { notice, version: 0, ...DEFAULT_NOTICE_TEMPLATES[notice], savedAt: null }]
  }

  /** Saves a new version; the older ones stay. Saving the wording in force again adds nothing. */
  save(notice: NoticeKind, text: NoticeTemplateText): NoticeTemplate {
    return this.store.write((audit) => {
      const before = this.current(notice)
      if (before.title === text.title && before.body === text.body) return before
      const version = before.version + 1
      this.store.run(
        'INSERT INTO notice_templates (notice, version, title, body, saved_at) VALUES (?, ?, ?, ?, ?)',
        notice,
        version,
        text.title,
        text.body,
        this.clock.now()
      )
      const after = this.current(notice)
      audit({ action: 'update', entity: 'notice_template', entityId: notice, summary: `修改“${notice}”公告模板（第${version}版）`, before, after })
      return after
    })
  }
}
