import { Select } from 'antd'
import { api, unwrap } from '../api/client'
import { useResource } from '../api/useResource'

/** Picks one village of the township by name or pinyin; `allowAll` adds the township as a choice (null). */
export function VillageSelect({
  value,
  onChange,
  allowAll = false,
  width = 220
}: {
  value: number | null
  onChange: (id: number | null) => void
  allowAll?: boolean
  width?: number
}) {
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const options = (villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))
  return (
    <Select<number | null>
      showSearch={{ optionFilterProp: 'label' }}
      aria-label="选择村社"
      style={{ width }}
      loading={villages.loading}
      value={value ?? (allowAll ? null : undefined)}
      placeholder="选择村社"
      notFoundContent={villages.data ? '还没有村社，请先在村社台账中新增' : '正在加载…'}
      options={allowAll ? [{ value: null, label: '全乡镇' }, ...options] : options}
      onChange={(v) => onChange(v ?? null)}
    />
  )
}
