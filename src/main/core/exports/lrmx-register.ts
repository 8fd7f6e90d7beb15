import JSZip from 'jszip'
import { proposedPost, referenceDate } from '../candidates'
import type { PersonRecordService } from '../person-records'
import type { Services } from '../services'
import type { Store } from '../store'
import type { VillageService } from '../villages'
import type { FormSigning } from './candidate-exports'
import { lrmxXml, type LrmxPerson } from './lrmx'

/**
 * One person's .lrmx from the register: the cadre record and the stored photo; a candidacy gives 拟任职务,
 * the day age is counted on (its village's election day) and the township as 呈报单位.
 */
/** What an lrmx is read from: the register's people and villages. */
export interface LrmxSources {
  store: Store
  records: PersonRecordService
  villages: VillageService
}

/** The sources from the composition root. */
export const lrmxSourcesOf = (s: Services): LrmxSources => ({ store: s.store, records: s.personRecords, villages: s.villages })

export function lrmxOfPerson({ store, records, villages }: LrmxSources, personId: number, signing: FormSigning): LrmxPerson {
  const { person, profile, resume, family } = records.require(personId)
  const candidacy = store.one<{ villageId: number } & Parameters<typeof proposedPost>[1]>(
    'SELECT village_id AS villageId, party_post AS partyPost, committee_post AS committeePost FROM candidates WHERE person_id = ?',
    personId
  )
  const village = candidacy ? villages.require(candidacy.villageId) : null
  const photo = records.photo(personId)
  const { politicalStatus: _p, ...kept } = profile
  return {
    name: person.name,
    sex: person.sex ?? '',
    birthMonth: person.birthDate?.slice(0, 7) ?? '',
    ethnicity: person.ethnicity,
    idNumber: person.idNumber ?? '',
    profile: kept,
    resume,
    family,
    form: {
      proposedPost: village && candidacy ? proposedPost(village.name, candidacy) : profile.proposedPosition,
      reportingUnit: village?.township || signing.reportingUnit,
      ageOn: village ? referenceDate(village.committeeElectionDate, village.partyElectionDate, signing.filledOn) : signing.filledOn,
      filledOn: signing.filledOn,
      filledBy: signing.filledBy
    },
    photo: photo ? Buffer.from(photo.base64, 'base64') : null
  }
}

/** File names for a set of people: "王建国.lrmx", a second 王建国 as "王建国_2.lrmx". */
export function lrmxFileNames(names: string[]): string[] {
  const used = new Map<string, number>()
  return names.map((n) => {
    const safe = n.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    const k = (used.get(safe) ?? 0) + 1
    used.set(safe, k)
    return k === 1 ? `${safe}.lrmx` : `${safe}_${k}.lrmx`
  })
}

/** Each person's file, in the order given. */
export function lrmxFiles(sources: LrmxSources, personIds: number[], signing: FormSigning): { fileName: string; xml: string }[] {
  const people = personIds.map((id) => lrmxOfPerson(sources, id, signing))
  const names = lrmxFileNames(people.map((p) => p.name))
  return people.map((p, i) => ({ fileName: names[i], xml: lrmxXml(p) }))
}

/** A batch for the window, which saves one file: the .lrmx files in one zip. */
export async function lrmxZip(files: { fileName: string; xml: string }[]): Promise<Buffer> {
  const zip = new JSZip()
  for (const f of files) zip.file(f.fileName, f.xml)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
