import { describe, expect, it } from 'vitest'
import { fieldChanges } from './changes'

describe('fieldChanges', () => {
  it('lists only the labelled fields that change, in label order, with coded values rendered', () => {
    const changes = fieldChanges(
      { name: '周桂兰', category: 2, groupName: '三组', address: '后山12号', deprived: false, secret: 'a' },
      { name: '周桂兰', category: 1, groupName: '', address: '后山12号', deprived: true, secret: 'b' },
      { name: '姓名', groupName: '村民小组', category: '登记类别', address: '住址', deprived: '被剥夺政治权利' },
      { category: (v) => `${'一二三'[Number(v) - 1]}类` }
    )
    expect(changes).toEqual([
      { field: 'groupName', label: '村民小组', before: '三组', after: '（空）' },
      { field: 'category', label: '登记类别', before: '二类', after: '一类' },
      { field: 'deprived', label: '被剥夺政治权利', before: '否', after: '是' }
    ])
  })

  it('treats null, undefined and empty text as the same empty value', () => {
    expect(fieldChanges({ note: null }, { note: '' }, { note: '备注' })).toEqual([])
  })
})
