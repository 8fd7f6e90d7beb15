import type { Village } from '../../../../shared/village'

/** A village as the register holds it, for tests and the benchmark. */
export function village(i: number, over: Partial<Village> = {}): Village {
  return {
    id: i,
    name: `东岭${i}村`,
    kind: '村',
    township: '青山镇',
    divisionCode: `3301120010${String(i).padStart(2, '0')}`,
    households: 300 + i,
    population: 1000 + i,
    partyMembers: 40 + i,
    partySeats: 5,
    committeeSeats: 5,
    grade: '一般村',
    leader: '李强',
    residentCadre: '赵敏',
    firstSecretary: '',
    partyElectionDate: '2026-03-15',
    committeeElectionDate: '2026-04-20',
    note: '',
    createdAt: '',
    updatedAt: '',
    ...over
  }
}

