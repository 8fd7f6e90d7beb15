import iconv from 'iconv-lite'
import { Jimp } from 'jimp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { personRecordInput } from '../../../shared/cadre'
import { checkCharacter } from '../../../shared/idcard'
import { LrmxImport } from '../import/lrmx-kind'
import { buildServices } from '../services'
import { Store } from '../store'
import { readLrmx } from './lrmx'
import { lrmxFiles, lrmxSourcesOf } from './lrmx-register'
import { samplePhoto } from './testing/photos'

const withCheck = (first17: string) => first17 + checkCharacter(first17)
const ID_A = withCheck('33018519800512101')
const ID_B = withCheck('33018519751203202')
const signing = { reportingUnit: '青山镇', filledBy: '张晓燕', filledOn: '2026-03-01' }

let store: Store
beforeEach(() => {
  store = Store.memoryStore()
})
afterEach(() => store.close())

async function addPerson(s: Store, name: string, idNumber: string, seed: number): Promise<number> {
  const records = buildServices(s).personRecords
  const p = records.create(
    personRecordInput.parse({
      person: { name, idNumber, ethnicity: '汉族' },
      profile: {
        nativePlace: `浙江临安${seed}`,
        birthPlace: `浙江杭州${seed}`,
        politicalStatus: '中共党员',
        partyJoined: '2003.06',
        workStarted: '2002.07',
        health: '健康',
        fullTimeEducation: { level: '本科', degree: '管理学学士', school: `浙江农林大学${seed}` },
        inServiceEducation: { level: '研究生', degree: '', school: '中共浙江省委党校' },
        professionalTitle: '农艺师',
        specialty: '农村经济管理',
        currentPosition: `东岭村党支部书记${seed}`,
        proposedPosition: '东岭村党组织书记、村民委员会主任人选',
        dismissedPosition: '东岭村党支部副书记',
        appointmentReason: '换届选举',
        rewards: '2019年被评为优秀共产党员',
        appraisals: '2023年称职；2024年优秀'
      },
      resume: Array.from({ length: 6 }, (_, k) => ({ start: `${2000 + k}.09`, end: k === 5 ? '' : `${2001 + k}.07`, text: `${name}第${k + 1}段经历` })),
      family: Array.from({ length: 7 }, (_, k) => ({
        relation: ['妻子', '儿子', '女儿', '父亲', '母亲', '哥哥', '妹妹'][k],
        name: `${name}亲属${k + 1}`,
        birthYearMonth: `19${50 + k}.0${k + 1}`,
        politicalStatus: '群众',
        workUnit: `青山镇第${k + 1}村`
      }))
    })
  )
  await records.setPhoto(p.person.id, samplePhoto(seed, 120, 150).toString('base64'))
  return p.person.id
}

const asFiles = (files: { fileName: string; xml: string }[]) => files.map((f) => ({ name: f.fileName, bytes: Buffer.from(f.xml, 'utf8') }))

describe('lrmx', () => {
  it('round-trips: export → import into another register → export gives the same XML, photos and all', async () => {
    const ids = [await addPerson(store, '王建国', ID_A, 1), await addPerson(store, '李红', ID_B, 2)]
    const first = lrmxFiles(lrmxSourcesOf(buildServices(store)), ids, signing)
    expect(first.map((f) => f.fileName)).toEqual(['王建国.lrmx', '李红.lrmx'])
    expect(first[0].xml).toContain('<ChuShengNianYue>198005</ChuShengNianYue>')
    expect(first[0].xml).toContain('<QuanRiZhiJiaoYu_XueLi>大学本科</QuanRiZhiJiaoYu_XueLi>')
    expect(first[0].xml).toContain('2000.09--2001.07  王建国第1段经历\r\n')
    expect(first[0].xml).toContain('<Version>3.2.1.6</Version>')
    expect(first[0].xml).not.toBe(first[1].xml.replaceAll('李红', '王建国'))

    const other = Store.memoryStore()
    try {
      const importer = new LrmxImport(other, buildServices(other).personRecords)
      const { analysis, preview } = await importer.read(asFiles(first))
      expect(preview.problems).toEqual([])
      expect(preview.counts).toMatchObject({ rows: 2, added: 2, updated: 0, unchanged: 0 })
      expect(importer.commit(analysis)).toMatchObject({ added: 2 })
      const persons = buildServices(other).personRecords.list().map((p) => p.id)
      const again = lrmxFiles(lrmxSourcesOf(buildServices(other)), persons, signing)
      expect(again.map((f) => f.xml)).toEqual(first.map((f) => f.xml))
      // A second import of the same files changes nothing.
      const twice = await importer.read(asFiles(again))
      expect(twice.preview.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 })
    } finally {
      other.close()
    }
  })

  it('imports every field of a file another tool wrote (GB18030, yyyyMM and dotted dates, wrapped 简历)', async () => {
    const photo = await (await Jimp.fromBuffer(samplePhoto(7, 160, 200))).getBuffer('image/jpeg')
    const xml = `<?xml version="1.0" encoding="GB2312"?>
<Person>
  <XingMing>赵春梅</XingMing><XingBie>女</XingBie><ChuShengNianYue>197512</ChuShengNianYue><MinZu>畲族</MinZu>
  <JiGuan>浙江景宁</JiGuan><ChuShengDi>浙江丽水</ChuShengDi><RuDangShiJian>1998.07</RuDangShiJian>
  <CanJiaGongZuoShiJian>199509</CanJiaGongZuoShiJian><JianKangZhuangKuang>良好</JianKangZhuangKuang>
  <ZhuanYeJiShuZhiWu>助理经济师</ZhuanYeJiShuZhiWu><ShuXiZhuanYeYouHeZhuanChang>乡村旅游</ShuXiZhuanYeYouHeZhuanChang>
  <QuanRiZhiJiaoYu_XueLi>中专</QuanRiZhiJiaoYu_XueLi><QuanRiZhiJiaoYu_XueWei></QuanRiZhiJiaoYu_XueWei>
  <QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>丽水农校农学专业</QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi><QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi></QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>
  <ZaiZhiJiaoYu_XueLi>大学专科</ZaiZhiJiaoYu_XueLi><ZaiZhiJiaoYu_XueWei></ZaiZhiJiaoYu_XueWei>
  <ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>浙江广播电视大学行政管理专业</ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi><ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi></ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>
  <XianRenZhiWu>西坡村村民委员会主任</XianRenZhiWu>
  <JianLi>1995.09--2005.12  西坡村妇女主任\r\n2006.01--2020.12  西坡村村民委员会副主任、\r\n                  村妇联主席\r\n2021.01--          西坡村村民委员会主任</JianLi>
  <NiRenZhiWu>西坡村党组织书记、村民委员会主任</NiRenZhiWu><NiMianZhiWu>西坡村村民委员会主任</NiMianZhiWu>
  <JiangChengQingKuang>2022年获县三八红旗手</JiangChengQingKuang><NianDuKaoHeJieGuo>2024年优秀</NianDuKaoHeJieGuo>
  <RenMianLiYou>换届选举</RenMianLiYou>
  <JiaTingChengYuan>
    <Item><ChengWei>丈夫</ChengWei><XingMing>周建平</XingMing><ChuShengRiQi>197303</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>西坡村村民</GongZuoDanWeiJiZhiWu></Item>
    <Item><ChengWei>女儿</ChengWei><XingMing>周晓</XingMing><ChuShengRiQi>2000.10</ChuShengRiQi><ZhengZhiMianMao>共青团员</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>丽水学院学生</GongZuoDanWeiJiZhiWu></Item>
  </JiaTingChengYuan>
  <ChengBaoDanWei>中共青山镇委员会</ChengBaoDanWei><JiSuanNianLingShiJian>20260420</JiSuanNianLingShiJian>
  <TianBiaoShiJian>2026.03.02</TianBiaoShiJian><TianBiaoRen>吴丽</TianBiaoRen>
  <ShenFenZheng>${ID_B}</ShenFenZheng>
  <ZhaoPian>${photo.toString('base64')}</ZhaoPian>
  <Version>3.2.1.6</Version>
</Person>`
    const bytes = iconv.encode(xml, 'gb18030')
    const read = readLrmx(bytes)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.person.form).toEqual({ proposedPost: '西坡村党组织书记、村民委员会主任', reportingUnit: '中共青山镇委员会', ageOn: '2026-04-20', filledOn: '2026-03-02', filledBy: '吴丽' })

    const importer = new LrmxImport(store, buildServices(store).personRecords)
    const { analysis, preview } = await importer.read([{ name: '赵春梅.lrmx', bytes }])
    expect(preview.problems).toEqual([])
    importer.commit(analysis)
    const records = buildServices(store).personRecords
    const [row] = records.list()
    const got = records.require(row.id)
    expect(got.person).toMatchObject({ name: '赵春梅', sex: '女', birthDate: '1975-12-03', ethnicity: '畲族', idNumber: ID_B })
    expect(got.profile).toEqual({
      nativePlace: '浙江景宁',
      birthPlace: '浙江丽水',
      politicalStatus: null,
      partyJoined: '1998.07',
      workStarted: '1995.09',
      health: '良好',
      fullTimeEducation: { level: '中专', degree: '', school: '丽水农校农学专业' },
      inServiceEducation: { level: '大专', degree: '', school: '浙江广播电视大学行政管理专业' },
      professionalTitle: '助理经济师',
      specialty: '乡村旅游',
      currentPosition: '西坡村村民委员会主任',
      proposedPosition: '西坡村党组织书记、村民委员会主任',
      dismissedPosition: '西坡村村民委员会主任',
      appointmentReason: '换届选举',
      rewards: '2022年获县三八红旗手',
      appraisals: '2024年优秀'
    })
    expect(got.resume).toEqual([
      { start: '1995.09', end: '2005.12', text: '西坡村妇女主任' },
      { start: '2006.01', end: '2020.12', text: '西坡村村民委员会副主任、村妇联主席' },
      { start: '2021.01', end: '', text: '西坡村村民委员会主任' }
    ])
    expect(got.family).toEqual([
      { relation: '丈夫', name: '周建平', birthYearMonth: '1973.03', politicalStatus: '群众', workUnit: '西坡村村民' },
      { relation: '女儿', name: '周晓', birthYearMonth: '2000.10', politicalStatus: '共青团员', workUnit: '丽水学院学生' }
    ])
    const stored = records.photo(row.id)!
    expect(stored.mime).toBe('image/jpeg')
    const img = await Jimp.fromBuffer(Buffer.from(stored.base64, 'base64'))
    expect([img.bitmap.width, img.bitmap.height]).toEqual([160, 200])
  })

  it('names the file and field of every problem and writes nothing; finds a person by name and birth month', async () => {
    const [good] = lrmxFiles(lrmxSourcesOf(buildServices(store)), [await addPerson(store, '王建国', ID_A, 1)], signing)
    const badDate = good.xml.replace('<ChuShengNianYue>198005</ChuShengNianYue>', '<ChuShengNianYue>1980年13月</ChuShengNianYue>')
    const dtd = `<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY x "y">]><Person><XingMing>&x;</XingMing></Person>`
    const noId = good.xml.replace(`<ShenFenZheng>${ID_A}</ShenFenZheng>`, '<ShenFenZheng></ShenFenZheng>').replaceAll('王建国', '孙新')
    const importer = new LrmxImport(store, buildServices(store).personRecords)
    const before = buildServices(store).personRecords.list().length
    const { analysis, preview } = await importer.read([
      { name: 'a.lrmx', bytes: Buffer.from(good.xml.replace('东岭村党支部书记1', '东岭村党支部书记（新）')) },
      { name: 'b.lrmx', bytes: Buffer.from(badDate) },
      { name: 'c.lrmx', bytes: Buffer.from(dtd) },
      { name: 'd.lrmx', bytes: Buffer.from(noId) },
      { name: 'e.txt', bytes: Buffer.from('不是XML') }
    ])
    expect(preview.problems.map((p) => [p.row, p.header])).toEqual([
      [2, 'b.lrmx · 出生年月'],
      [3, 'c.lrmx · 文件'],
      [5, 'e.txt · 文件'],
      [4, 'd.lrmx']
    ])
    expect(preview.problems[0].message).toContain('1980年13月')
    expect(preview.problems[3].message).toContain('没有公民身份号码')
    expect(() => importer.commit(analysis)).toThrow(/共 4 处问题，未导入任何数据/)
    expect(buildServices(store).personRecords.list().length).toBe(before)

    // Without an ID number, the same name and birth month finds the person already registered.
    const byName = good.xml.replace(`<ShenFenZheng>${ID_A}</ShenFenZheng>`, '<ShenFenZheng></ShenFenZheng>').replace('东岭村党支部书记1', '东岭村党支部书记（新）')
    const second = await importer.read([{ name: 'a.lrmx', bytes: Buffer.from(byName) }])
    expect(second.preview.counts).toMatchObject({ updated: 1, added: 0, problems: 0 })
    importer.commit(second.analysis)
    const [only] = buildServices(store).personRecords.list()
    expect(buildServices(store).personRecords.require(only.id).profile.currentPosition).toBe('东岭村党支部书记（新）')
  })
})
