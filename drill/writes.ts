import { makeIdNumber } from '../tests/fixtures/ids'
import { addDays } from '../src/shared/voter'
import type { Served } from './server'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂'

/** A voter of its own for every n (its own ID number and name), of age on a 2026 election day. */
export function newVoter(villageId: number, n: number, region = '330302') {
  const birth = addDays('1950-01-01', n % 18_000)
  const sex = n % 2 ? '男' : '女'
  return {
    villageId,
    idNumber: makeIdNumber(birth, sex, Math.floor(n / 18_000), region),
    name: SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length] + GIVEN[(n * 13) % GIVEN.length],
    groupName: `${(n % 9) + 1}组`,
    category: 1 as const,
    address: `演练路${n}号`
  }
}

/** Villages with an election day, through the API, returning their ids. */
export async function seedVillages(server: Served, names: string[]): Promise<number[]> {
  const ids: number[] = []
  for (const name of names) {
    const r = await server.call<{ id: number }>('villages.create', { name, kind: '村', township: '青山镇', committeeElectionDate: '2026-03-01' })
    if (!r.ok) throw new Error(`无法建立村社${name}：${r.error?.message}`)
    ids.push(r.value!.id)
  }
  return ids
}
