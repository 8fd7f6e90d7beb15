import { dossierOf, type DossierData } from '../../../../shared/dossier'

/** A filled-in form as a township office would have it, for tests and the benchmark. */
export function sampleDossier(i = 0, resumeLines = 8): DossierData {
  const resume = [
    '1998.09--2002.07  浙江农林大学经济管理学院农业经济管理专业学习',
    '2002.07--2008.12  青山镇东岭村村民委员会文书',
    '2008.12--2014.01  青山镇东岭村村民委员会副主任',
    '2014.01--2021.01  青山镇东岭村党支部副书记、村民委员会主任',
    '2021.01--         青山镇东岭村党支部书记、村民委员会主任'
  ]
  const lines: string[] = []
  for (let k = 0; k < resumeLines; k++) lines.push(k < resume.length ? resume[k] : `${2000 + k}.01--${2000 + k}.12  青山镇东岭村第${k + 1}项工作经历（兼任网格员）`)
  return dossierOf({
    name: i === 0 ? '王建国' : `王建国${i}`,
    sex: '男',
    birthDate: '1980-05-12',
    ethnicity: '汉族',
    nativePlace: '浙江临安',
    birthPlace: '浙江临安',
    partyJoinDate: '2003-06',
    workStartDate: '2002-07',
    health: '健康',
    professionalTitle: '农艺师',
    specialty: '农村经济管理',
    fullTime: { level: '大学本科', degree: '管理学学士', school: '浙江农林大学农业经济管理专业' },
    partTime: { level: '研究生', degree: '', school: '中共浙江省委党校经济管理专业' },
    currentPost: '东岭村党支部书记、村民委员会主任',
    proposedPost: '东岭村党组织书记、村民委员会主任（一肩挑）人选',
    resume: lines,
    rewards: '2019年被评为青山镇优秀共产党员；2022年获临安区乡村振兴先进个人。',
    appraisal: '2021年称职；2022年优秀；2023年称职；2024年优秀',
    family: [
      { relation: '妻子', name: '李秀英', birthDate: '1982-03', politicalStatus: '群众', workplace: '青山镇东岭村村民' },
      { relation: '儿子', name: '王小明', birthDate: '2006-09', politicalStatus: '共青团员', workplace: '杭州市临安中学学生' },
      { relation: '父亲', name: '王德福', birthDate: '1955-01', politicalStatus: '中共党员', workplace: '青山镇东岭村村民（已退休）' }
    ],
    reviewResult: '经县级16个部门联审，未发现不能或不宜人选情形，同意。',
    inspectionResult: '考察组经个别谈话、走访了解，该同志政治素质好，群众基础扎实，同意作为人选。',
    jointReviewResult: '经镇党委会、县委组织部部务会、县委常委会三级会审，同意。',
    reportingUnit: '中共青山镇委员会',
    filledBy: '张晓燕',
    referenceDate: '2026-03-01',
    village: '东岭村'
  })
}
