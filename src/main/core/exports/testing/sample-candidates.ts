import { personRecordInput } from '../../../../shared/cadre'
import { candidateInput } from '../../../../shared/candidate'
import { seatsOf } from '../../../../shared/seats'
import { villageInput } from '../../../../shared/village'
import type { Store } from '../../store'
import { buildServices } from '../../services'
import { samplePhoto } from './photos'

export interface SampleCandidate {
  name: string
  villageId: number
  /** As forms write it: 党组织书记, 村委会委员, 党组织书记、村委会主任 … */
  post: string
  sex?: '男' | '女'
  birthDate?: string
  resumeLines?: number
  /** A photo made from this seed (each seed its own picture). */
  photo?: number
}

/** A person with the whole cadre record filled in, proposed as a candidate; returns the candidate id. */
export function addCandidate(store: Store, c: SampleCandidate): number {
  const candidates = buildServices(store).candidates
  const resume = Array.from({ length: c.resumeLines ?? 5 }, (_, k) => ({
    start: `${2000 + (k % 25)}.0${1 + (k % 9)}`,
    end: k === (c.resumeLines ?? 5) - 1 ? '' : `${2000 + (k % 25)}.1${k % 3}`,
    text: `青山镇${c.name}第${k + 1}段经历（村务工作）`
  }))
  const record = candidates.records.create(
    personRecordInput.parse({
      person: { name: c.name, sex: c.sex ?? '男', birthDate: c.birthDate ?? '1980-05-12', ethnicity: '汉族', villageId: c.villageId, phone: '13800000000' },
      profile: {
        nativePlace: '浙江临安',
        birthPlace: '浙江杭州',
        politicalStatus: '中共党员',
        partyJoined: '2003.06',
        workStarted: '2002.07',
        health: '健康',
        fullTimeEducation: { level: '本科', degree: '管理学学士', school: '浙江农林大学农业经济管理专业' },
        inServiceEducation: { level: '研究生', degree: '', school: '中共浙江省委党校经济管理专业' },
        professionalTitle: '农艺师',
        specialty: '农村经济管理',
        currentPosition: '东岭村党支部书记',
        rewards: '2019年被评为青山镇优秀共产党员',
        appraisals: '2023年称职；2024年优秀'
      },
      resume,
      family: [
        { relation: '妻子', name: '李秀英', birthYearMonth: '1982.03', politicalStatus: '群众', workUnit: '青山镇东岭村村民' },
        { relation: '儿子', name: '王小明', birthYearMonth: '2006.09', politicalStatus: '共青团员', workUnit: '临安中学学生' }
      ],
      tags: ['现任干部']
    })
  )
  if (c.photo !== undefined) candidates.records.storePhoto(record.person.id, samplePhoto(c.photo))
  return candidates.propose(
    candidateInput.parse({ personId: record.person.id, villageId: c.villageId, ...seatsOf(c.post), source: '党员推荐', proposedOn: '2026-03-01' })
  ).id
}

/** Takes a candidate through 资格初审, every 联审 department (one may refuse), 考察 and each 会审 level. */
export function passVetting(store: Store, candidateId: number, refusedBy?: { department: string; reason: string }): void {
  const vetting = buildServices(store).vetting
  const rules = buildServices(store).candidates.rules()
  const stage = { level: '', docNo: '', note: '', publicityStart: null, objections: '' }
  vetting.recordStage({ ...stage, candidateId, stage: '资格初审', result: '通过', decidedOn: '2026-03-05', decider: '青山镇党委' })
  vetting.sendToReview(candidateId, '2026-03-06')
  for (const department of rules.departments) {
    const refused = refusedBy?.department === department
    vetting.recordVerdict({ candidateId, department, verdict: refused ? '不通过' : '通过', reason: refused ? refusedBy.reason : '', decidedOn: '2026-03-09' })
  }
  if (refusedBy) return
  vetting.recordStage({
    ...stage,
    candidateId,
    stage: '考察',
    result: '通过',
    decidedOn: '2026-03-12',
    decider: '镇考察组',
    note: '政治素质好，群众基础扎实，同意作为人选'
  })
  rules.meetingLevels.forEach((level, i) =>
    vetting.recordStage({ ...stage, candidateId, stage: '会审', level, result: '通过', decidedOn: `2026-03-1${3 + i}`, decider: level, docNo: `青委〔2026〕${i + 1}号` })
  )
}

/** A township of villages with candidates on every post, for the benchmark and batch tests. */
export function seedTownship(store: Store, villages: number, perVillage: number, resumeLines = 8): void {
  const register = buildServices(store).villages
  const posts = ['党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会委员']
  store.transaction(() => {
    for (let v = 0; v < villages; v++) {
      const villageId = register.create(villageInput.parse({ name: `东岭${v + 1}村`, kind: '村', township: '青山镇', committeeElectionDate: '2026-04-20' })).id
      for (let i = 0; i < perVillage; i++) {
        addCandidate(store, { name: `王建国${v + 1}x${i + 1}`, villageId, post: posts[i % posts.length], resumeLines, photo: v * perVillage + i })
      }
    }
  })
}
