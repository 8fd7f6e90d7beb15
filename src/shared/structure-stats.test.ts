import { describe, expect, it } from 'vitest'
import { computeStructure, fiveUpOneDown, shareText, type MemberFact } from './structure-stats'

let nextId = 1
function seat(name: string, sex: '男' | '女', birthDate: string, body: MemberFact['body'], post: string, extra: Partial<MemberFact> = {}, personId?: number): MemberFact {
  return {
    villageId: 1,
    personId: personId ?? nextId++,
    name,
    sex,
    birthDate,
    body,
    post,
    politicalStatus: '群众',
    education: '高中',
    fulltimeEducation: '高中',
    referenceDate: '2026-03-01',
    ...extra
  }
}

/**
 * New committee, counted by hand (ages on 2026-03-01):
 * 张 书记+主任 (一肩挑) 男 45 党员 本科/全日制本科; 李 党委委员+村委委员 (交叉) 女 31 预备党员 大专;
 * 王 副主任 男 62 群众 高中; 赵 村委委员 女 36 群众 在职本科/全日制大专; 钱 党委委员 男 50 党员 中专.
 */
const zhang = { politicalStatus: '中共党员', education: '本科', fulltimeEducation: '本科' }
const li = { politicalStatus: '中共预备党员', education: '大专', fulltimeEducation: '大专' }
const incoming: MemberFact[] = [
  seat('张', '男', '1980-06-01', '党组织', '书记', zhang, 101),
  seat('张', '男', '1980-06-01', '村委会', '主任', zhang, 101),
  seat('李', '女', '1995-01-01', '党组织', '委员', li, 102),
  seat('李', '女', '1995-01-01', '村委会', '委员', li, 102),
  seat('王', '男', '1964-02-28', '村委会', '副主任'),
  seat('赵', '女', '1990-03-01', '村委会', '委员', { education: '本科', fulltimeEducation: '大专' }),
  seat('钱', '男', '1975-12-31', '党组织', '委员', { politicalStatus: '中共党员', education: '中专', fulltimeEducation: '中专' })
]

/** Outgoing, on 2021-03-01: A 书记 男 61 党员 高中; B 主任 男 50 初中; C 两委委员 女 41 党员 大专. */
const old = { referenceDate: '2021-03-01' }
const outgoing: MemberFact[] = [
  seat('甲', '男', '1960-01-01', '党组织', '书记', { ...old, politicalStatus: '中共党员' }),
  seat('乙', '男', '1970-05-05', '村委会', '主任', { ...old, education: '初中及以下' }),
  seat('丙', '女', '1980-01-01', '村委会', '委员', { ...old, politicalStatus: '中共党员', education: '大专' }, 201),
  seat('丙', '女', '1980-01-01', '党组织', '委员', { ...old, politicalStatus: '中共党员', education: '大专' }, 201)
]

describe('structure of a small committee, computed by hand', () => {
  const s = computeStructure(incoming)
  it.each([
    ['villages', 1],
    ['members', 5],
    ['partyCommittee', 3],
    ['villagersCommittee', 4],
    ['oneShoulder', { count: 1, of: 1 }],
    ['cross', { count: 1, of: 5 }],
    ['party', { count: 3, of: 5 }],
    ['women', { count: 2, of: 5 }],
    ['womenSecretaries', 0],
    ['womenDirectors', 0],
    ['ageKnown', 5],
    ['ageSum', 224],
    ['averageAge', 44.8],
    ['age35', { count: 1, of: 5 }],
    ['age45', { count: 3, of: 5 }],
    ['age50', { count: 4, of: 5 }],
    ['over60', { count: 1, of: 5 }],
    ['college', { count: 3, of: 5 }],
    ['fulltimeBachelor', { count: 1, of: 5 }]
  ])('%s', (key, value) => {
    expect(s[key as keyof typeof s]).toEqual(value)
  })

  it('counts a woman secretary and a woman director', () => {
    const w = computeStructure([seat('孙', '女', '1985-01-01', '党组织', '书记'), seat('周', '女', '1985-01-01', '村委会', '主任')])
    expect(w).toMatchObject({ womenSecretaries: 1, womenDirectors: 1, oneShoulder: { count: 0, of: 1 }, cross: { count: 0, of: 2 } })
  })

  it('leaves members without a birth date out of the ages only', () => {
    const u = computeStructure([seat('吴', '男', '1980-01-01', '村委会', '主任'), { ...seat('郑', '男', '1980-01-01', '村委会', '委员'), birthDate: null }])
    expect(u).toMatchObject({ members: 2, ageKnown: 1, averageAge: 46, age50: { count: 1, of: 1 } })
  })

  it('writes shares as count/of and a percentage', () => {
    expect(shareText({ count: 1, of: 3 })).toBe('1/3（33.3%）')
    expect(shareText({ count: 0, of: 0 })).toBe('—')
  })
})

describe('五升一降, item by item', () => {
  const items = fiveUpOneDown(computeStructure(incoming), computeStructure(outgoing))
  it.each([
    ['交叉任职比例', false, '由33.3%降至20%，未实现上升'],
    ['35岁及以下年轻干部比例', true, '由0%升至20%，实现上升'],
    ['大专及以上学历比例', true, '由33.3%升至60%，实现上升'],
    ['“一肩挑”比例', true, '由0%升至100%，实现上升'],
    ['女性成员比例', true, '由33.3%升至40%，实现上升'],
    ['平均年龄', true, '由50.7岁降至44.8岁，实现下降']
  ])('%s → met %s', (label, met, reason) => {
    const item = items.find((i) => i.label === label)!
    expect(item.met).toBe(met)
    expect(item.reason).toBe(reason)
  })

  it('counts 100% kept at 100% as met, equal below it as not, and missing data as unknown', () => {
    const a = computeStructure(incoming)
    const same = fiveUpOneDown(a, a)
    expect(same.find((i) => i.label === '“一肩挑”比例')!.met).toBe(true)
    expect(same.find((i) => i.label === '女性成员比例')!.met).toBe(false)
    expect(same.find((i) => i.label === '平均年龄')!.met).toBe(false)
    expect(fiveUpOneDown(a, computeStructure([])).every((i) => i.met === null)).toBe(true)
  })
})
