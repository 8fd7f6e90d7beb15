import { AlertOutlined, ExportOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons'
import type { ComponentType, ReactNode } from 'react'
import { ExportsPage } from './exports/ExportPanel'
import { RisksPage } from './risks/RisksPage'
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
  { key: 'risks', label: '风险档案', icon: <AlertOutlined />, Component: RisksPage },
  { key: 'exports', label: '导出', icon: <ExportOutlined />, Component: ExportsPage },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, Component: SettingsPage }
]
