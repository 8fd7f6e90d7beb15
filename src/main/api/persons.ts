import { DEFAULT_TAGS, PROFILE_LABELS, personQuery, personRecordInput, photoInput } from '../../shared/cadre'
import { idInput, prefixed, withId } from '../../shared/inputs'
import { PERSON_LABELS } from '../../shared/person'
import { z } from 'zod'
import { lrmxPreviewInput } from '../../shared/lrmx-import'
import { LrmxImport } from '../core/import/lrmx-kind'
import type { Services } from '../core/services'
import { method, query } from './method'

const recordLabels = { ...prefixed('person', PERSON_LABELS), ...prefixed('profile', PROFILE_LABELS) }

/** 人选库's persons: the full record (person, profile, resume, family, tags) and the photo. */
export const personsApi = ({ store, personRecords: records, candidates, vetting }: Services) => {
  const lrmx = new LrmxImport(store, records)
  return {
  list: method(personQuery, (q) => records.list(q)),
  /** The person's page: the full record, unmasked, with candidacy and findings. */
  get: method(idInput, ({ id }) => ({
    ...records.require(id),
    candidacy: candidates.ofPerson(id),
    findings: vetting.findings(id)
  })),
  create: method(personRecordInput, (data) => records.create(data), recordLabels),
  update: method(withId(personRecordInput), ({ id, data }) => records.update(id, data), prefixed('data', recordLabels)),
  remove: method(idInput, ({ id }) => records.remove(id)),
  photo: method(idInput, ({ id }) => records.photo(id)),
  setPhoto: method(photoInput, ({ id, base64 }) => records.setPhoto(id, base64)),
  removePhoto: method(idInput, ({ id }) => records.removePhoto(id)),
  tags: query(() => [...new Set([...DEFAULT_TAGS, ...records.allTags()])]),
  /** 干部任免审批表 files (.lrmx), one or several: checked first, nothing written. */
  lrmxPreview: method(lrmxPreviewInput, async ({ files }) =>
    (await lrmx.read(files.map((f) => ({ name: f.fileName, bytes: Buffer.from(f.base64, 'base64') })))).preview
  ),
  /** Writes a checked preview: all files or none. */
  lrmxCommit: method(z.object({ id: z.string().uuid('预览编号无效') }), ({ id }) => lrmx.commit(lrmx.analysis(id)))
  }
}
