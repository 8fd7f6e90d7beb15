import { describe, expect, it } from 'vitest'
import { isCrossServing, isOneShoulder, mergeSeats, parseSeats, seatsText, type Seats } from './seats'

const seats = (text: string, side: 'party' | 'committee' | null = null): Seats => {
  const r = parseSeats(text, side)
  if (!r.ok) throw new Error(`${text}: ${r.reason}`)
  return r.seats
}

describe('posts as rosters write them', () => {
  it.each([
    ['党组织书记、村委会主任', '书记', '主任'],
    ['书记兼主任', '书记', '主任'],
    ['书记、主任', '书记', '主任'],
    ['书记主任', '书记', '主任'],
    ['一肩挑', '书记', '主任'],
    ['书记主任一肩挑', '书记', '主任'],
    ['党组织书记、村(居)委会主任（一肩挑）', '书记', '主任'],
    ['村（社区）党组织书记，居委会主任', '书记', '主任'],
    ['党支部委员兼村委委员', '委员', '委员'],
    ['支委、村委委员', '委员', '委员'],
    ['党支部副书记/村委会副主任', '副书记', '副主任'],
    ['党总支委员；村民委员会委员', '委员', '委员'],
    ['党委委员;居委会委员', '委员', '委员'],
    ['支委,村委', '委员', '委员'],
    ['党组织委员、村委会委员（交叉任职）', '委员', '委员'],
    ['村党组织书记', '书记', null],
    ['党支部书记', '书记', null],
    ['副书记', '副书记', null],
    ['支委', '委员', null],
    ['村主任', null, '主任'],
    ['村民委员会副主任', null, '副主任'],
    ['社区居委会委员', null, '委员'],
    ['拟任村委会委员人选', null, '委员'],
    ['党组织书记　兼　村委会主任', '书记', '主任']
  ])('%s → 党组织 %s, 村委会 %s', (text, party, committee) => {
    expect(seats(text)).toEqual({ partyPost: party, committeePost: committee })
  })

  it('reads a bare 委员 by the column it stands in, and refuses it where no column says', () => {
    expect(seats('委员', 'party')).toEqual({ partyPost: '委员', committeePost: null })
    expect(seats('委员', 'committee')).toEqual({ partyPost: null, committeePost: '委员' })
    expect(parseSeats('委员')).toMatchObject({ ok: false, reason: expect.stringContaining('未写明是党组织还是村(居)委会') })
  })

  it('refuses what cannot be split or is no post', () => {
    expect(parseSeats('交叉任职')).toMatchObject({ ok: false, reason: expect.stringContaining('须写明两边的职务') })
    expect(parseSeats('会计')).toMatchObject({ ok: false, reason: expect.stringContaining('无法识别职务“会计”') })
    expect(parseSeats('书记、副书记')).toMatchObject({ ok: false, reason: expect.stringContaining('只能任一个职务') })
    expect(parseSeats('党组织主任')).toMatchObject({ ok: false, reason: '党组织没有“主任”职务' })
    expect(parseSeats('支委、村委委员（一肩挑）')).toMatchObject({ ok: false, reason: expect.stringContaining('不是书记兼主任') })
  })

  it('merges the two-column layout and derives 一肩挑 and 交叉任职', () => {
    const a = mergeSeats([{ text: '书记', side: 'party' }, { text: '主任', side: 'committee' }])
    expect(a).toEqual({ ok: true, seats: { partyPost: '书记', committeePost: '主任' } })
    const b = mergeSeats([{ text: '委员', side: 'party' }, { text: '副主任', side: 'committee' }])
    expect(b.ok && isCrossServing(b.seats) && !isOneShoulder(b.seats)).toBe(true)
    expect(mergeSeats([{ text: '书记', side: 'party' }, { text: '党组织委员', side: 'committee' }])).toMatchObject({ ok: false })
  })

  it('writes seats back as forms do', () => {
    expect(seatsText({ partyPost: '书记', committeePost: '主任' })).toBe('党组织书记、村(居)委会主任（一肩挑）')
    expect(seatsText({ partyPost: '委员', committeePost: '委员' })).toBe('党组织委员、村(居)委会委员（交叉任职）')
    expect(seatsText({ partyPost: null, committeePost: '副主任' })).toBe('村(居)委会副主任')
    expect(seatsText({ partyPost: null, committeePost: null })).toBe('职务待补充')
  })
})
