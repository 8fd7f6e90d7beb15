import { calendarOf, type OfficialCalendar, type OfficialDay } from '../../shared/official-calendar'
import { failure } from '../../shared/result'
import type { Store } from './store'

/** The official calendar kept in the register (official_days): shipped with 2026, extended by the office each year. */
export class CalendarService {
  constructor(private readonly store: Store) {}

  list(): OfficialDay[] {
    return this.store.all<OfficialDay>('SELECT day, kind, name FROM official_days ORDER BY day')
  }

  calendar(): OfficialCalendar {
    return calendarOf(this.list())
  }

  /** Adds a day of the year's schedule, or changes one already kept. */
  save(d: OfficialDay): OfficialDay {
    const dow = new Date(`${d.day}T00:00:00Z`).getUTCDay()
    if (d.kind === '班' && dow !== 0 && dow !== 6) throw failure('validation', `${d.day}是工作日，不需登记为调休上班`, { kind: '只有周六、周日才能登记为调休上班' })
    return this.store.write((audit) => {
      const before = this.store.one<OfficialDay>('SELECT day, kind, name FROM official_days WHERE day = ?', d.day)
      this.store.run('INSERT INTO official_days (day, kind, name) VALUES (@day, @kind, @name) ON CONFLICT (day) DO UPDATE SET kind = @kind, name = @name', d)
      audit({ action: before ? 'update' : 'create', entity: 'official_day', summary: `法定节假日：${d.day}${d.kind === '休' ? '放假' : '调休上班'}（${d.name}）`, before, after: d })
      return d
    })
  }

  remove(day: string): void {
    this.store.write((audit) => {
      const before = this.store.one<OfficialDay>('SELECT day, kind, name FROM official_days WHERE day = ?', day)
      if (!before) throw failure('not_found', `${day}不在法定节假日安排中`)
      this.store.run('DELETE FROM official_days WHERE day = ?', day)
      audit({ action: 'delete', entity: 'official_day', summary: `删除法定节假日安排：${day}（${before.name}）`, before })
    })
  }
}
