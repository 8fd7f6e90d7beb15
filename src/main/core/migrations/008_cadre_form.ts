import type { Migration } from './types'

/**
 * The 干部任免审批表's own lines: 拟任职务 and 拟免职务 as the person's form states them (a candidacy in
 * the register states 拟任职务 itself), and 任免理由. An lrmx file carries all three.
 */
export const migration008: Migration = {
  version: 8,
  name: '干部任免审批表：拟任、拟免职务和任免理由',
  up: `
    ALTER TABLE person_profiles ADD COLUMN proposed_position TEXT NOT NULL DEFAULT '';
    ALTER TABLE person_profiles ADD COLUMN dismissed_position TEXT NOT NULL DEFAULT '';
    ALTER TABLE person_profiles ADD COLUMN appointment_reason TEXT NOT NULL DEFAULT '';
  `
}
