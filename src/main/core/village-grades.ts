import type { z } from 'zod'
import { failure } from '../../shared/result'
import type { GradeChange, gradeInput } from '../../shared/risk'
import type { Clock } from './clock'
import type { Store } from './store'
import type { VillageService } from './villages'

/**
 * The grade of a village (重难点村/一般村/平稳村) set from the risk screens: the value stays in villages.grade,
 * the reason, who and when go to village_grade_changes, and the audit log holds both sides of the change.
 */
export class VillageGradeService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly villages: VillageService
  ) {}

  setGrade(input: z.output<typeof gradeInput>): GradeChange {
    return this.store.write((audit) => {
      const before = this.villages.require(input.villageId)
      const at = this.clock.now()
      this.store.run('UPDATE villages SET grade = ?, updated_at = ? WHERE id = ?', input.grade, at, input.villageId)
      const info = this.store.run(
        `INSERT INTO village_grade_changes (village_id, grade, previous_grade, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)`,
        input.villageId,
        input.grade,
        before.grade,
        input.reason,
        this.store.actor,
        at
      )
      const change = this.history(input.villageId).find((c) => c.id === Number(info.lastInsertRowid))
      if (!change) throw failure('internal', '分级记录未能保存')
      audit({
        action: 'update',
        entity: 'village',
        entityId: input.villageId,
        summary: `“${before.name}”分级：${before.grade} → ${input.grade}（理由：${input.reason}）`,
        before: { grade: before.grade },
        after: { grade: input.grade, reason: input.reason }
      })
      return change
    })
  }

  history(villageId: number): GradeChange[] {
    return this.store.all<GradeChange>(
      `SELECT id, village_id AS villageId, grade, previous_grade AS previousGrade, reason, set_by AS setBy, set_at AS setAt
       FROM village_grade_changes WHERE village_id = ? ORDER BY id DESC`,
      villageId
    )
  }
}
