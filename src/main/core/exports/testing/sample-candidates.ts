import zlib from 'node:zlib'
import { personRecordInput } from '../../../../shared/cadre'
import { candidateInput, type Post } from '../../../../shared/candidate'
import { villageInput } from '../../../../shared/village'
import type { Store } from '../../store'
import { buildServices } from '../../services'

function crc32(bytes: Buffer): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

/** A real PNG of one flat colour (a stand-in passport photo), made here so no binary sits in the repo. */
export function samplePng(width = 90, height = 120, rgb: [number, number, number] = [70, 110, 180]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const line = Buffer.concat([Buffer.from([0]), Buffer.concat(Array.from({ length: width }, () => Buffer.from(rgb)))])
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => line)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

export interface SampleCandidate {
  name: string
  villageId: number
  post: Post
  sex?: '男' | '女'
  birthDate?: string
  resumeLines?: number
  photo?: boolean
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
  if (c.photo) candidates.records.setPhoto(record.person.id, samplePng().toString('base64'))
  return candidates.propose(
    candidateInput.parse({ personId: record.person.id, villageId: c.villageId, post: c.post, source: '党员推荐', proposedOn: '2026-03-01' })
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
  const posts: Post[] = ['党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会委员']
  store.db.transaction(() => {
    for (let v = 0; v < villages; v++) {
      const villageId = register.create(villageInput.parse({ name: `东岭${v + 1}村`, kind: '村', township: '青山镇', committeeElectionDate: '2026-04-20' })).id
      for (let i = 0; i < perVillage; i++) {
        addCandidate(store, { name: `王建国${v + 1}x${i + 1}`, villageId, post: posts[i % posts.length], resumeLines, photo: i === 0 })
      }
    }
  })()
}
