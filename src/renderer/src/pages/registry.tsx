import { HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons'
import type { ComponentType, ReactNode } from 'react'
import { CandidatesPage } from './candidates/CandidatesPage'
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
  { key: 'candidates', label: '人选库', icon: <TeamOutlined />, Component: CandidatesPage },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, Component: SettingsPage }
]
