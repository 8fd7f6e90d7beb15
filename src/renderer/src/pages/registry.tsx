import { HomeOutlined, SettingOutlined, SwapOutlined } from '@ant-design/icons'
import type { ComponentType, ReactNode } from 'react'
import { ImportExportPage } from './import-export/ImportExportPage'
import { SettingsPage } from './settings/SettingsPage'
import { VillagesPage } from './villages/VillagesPage'

export interface PageEntry {
  key: string
  label: string
  icon: ReactNode
  Component: ComponentType
}

/** The left menu, in the order of the office's work. */
export const PAGES: PageEntry[] = [
  { key: 'villages', label: '村社台账', icon: <HomeOutlined />, Component: VillagesPage },
  { key: 'import-export', label: '导入导出', icon: <SwapOutlined />, Component: ImportExportPage },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, Component: SettingsPage }
]
