import { Select } from 'antd'
import { useState } from 'react'
import { api, unwrap } from '../api/client'
import { useResource } from '../api/useResource'

/**
 * Picks one village of the township by name, pinyin or initials ("lsc" finds 龙山村): what is typed is
 * searched by the register itself, as the village list's own search is, and the villages come in the
 * register's order. `allowAll` adds the township as a choice (null). Works inside a Form.Item too.
 */
export function VillageSelect({
  value,
  onChange,
  allowAll = false,
  width = 220,
  ariaLabel = '选择村社'
}: {
  value?: number | null
  onChange?: (id: number | null) => void
  allowAll?: boolean
  width?: number | string
  ariaLabel?: string
}) {
  const [search, setSearch] = useState('')
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const found = useResource(() => (search ? unwrap(api.villages.list({ search })) : Promise.resolve(null)), [search])
  const shown = found.data ? new Set(found.data.map((v) => v.id)) : null
  const options = (villages.data ?? []).filter((v) => !shown || shown.has(v.id)).map((v) => ({ value: v.id, label: v.name }))
  return (
    <Select<number | null>
      showSearch={{ filterOption: false, onSearch: (s) => setSearch(s.trim()) }}
      aria-label={ariaLabel}
      style={{ width }}
      loading={villages.loading || (search !== '' && found.loading)}
      value={value ?? (allowAll ? null : undefined)}
      placeholder="选择村社（可输入拼音）"
      notFoundContent={!villages.data ? '正在加载…' : villages.data.length === 0 ? '还没有村社，请先在村社台账中新增' : '没有找到这个村社'}
      options={allowAll && !search ? [{ value: null, label: '全乡镇' }, ...options] : options}
      onChange={(v) => {
        setSearch('')
        onChange?.(v ?? null)
      }}
    />
  )
}
