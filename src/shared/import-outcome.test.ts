import { describe, expect, it } from 'vitest'
import { previewOutcome } from './import'

const counts = (c: Partial<{ rows: number; added: number; updated: number; unchanged: number; problems: number }>) => ({
  rows: 0, added: 0, updated: 0, unchanged: 0, problems: 0, ...c
})

describe('previewOutcome', () => {
  it('never calls a refused roster 一致', () => {
    expect(previewOutcome({ missingFields: ['职务'], counts: counts({ rows: 3 }) })).toEqual({ importable: false, note: '缺少必填列，不能导入：职务' })
    expect(previewOutcome({ missingFields: [], counts: counts({ rows: 3, unchanged: 1, problems: 2 }) }).note).toContain('有 2 处问题')
    expect(previewOutcome({ missingFields: [], counts: counts({}) }).note).toBe('文件中没有数据行')
  })

  it('says 一致 only when every row matches the register, and lets a file with news be imported', () => {
    expect(previewOutcome({ missingFields: [], counts: counts({ rows: 2, unchanged: 2 }) })).toEqual({ importable: false, note: '文件内容与台账一致，无需导入' })
    expect(previewOutcome({ missingFields: [], counts: counts({ rows: 2, added: 1, unchanged: 1 }) })).toEqual({ importable: true, note: null })
  })
})
