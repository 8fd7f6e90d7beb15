import { DEFAULT_TAGS, PROFILE_LABELS, personQuery, personRecordInput, photoInput } from '../../shared/cadre'
import { idInput, prefixed, withId } from '../../shared/inputs'
import { PERSON_LABELS } from '../../shared/person'
import type { Services } from '../core/services'
import { method, query } from './method'

const recordLabels = { ...prefixed('person', PERSON_LABELS), ...prefixed('profile', PROFILE_LABELS) }

/** 人选库's persons: the full record (person, profile, resume, family, tags) and the photo. */
export const personsApi = ({ personRecords: records, candidates, vetting }: Services) => ({
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
  tags: query(() => [...new Set([...DEFAULT_TAGS, ...records.allTags()])])
})
