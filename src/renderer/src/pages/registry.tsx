import {
  AlertOutlined,
  BarChartOutlined,
  HomeOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined
} from '@ant-design/icons'
import type { ComponentType, ReactNode } from 'react'
import { RisksPage } from './risks/RisksPage'
import { ElectionsPage } from './elections/ElectionsPage'
import { CandidatesPage } from './candidates/CandidatesPage'
import { ImportExportPage } from './import-export/ImportExportPage'
import { SettingsPage } from './settings/SettingsPage'
import { StatisticsPage } from './statistics/StatisticsPage'
import { VillagesPage } from './villages/VillagesPage'
import { VotersPage } from './voters/VotersPage'

export interface PageEntry {
  key: string
  label: string
  icon: ReactNode
  Component: ComponentType
}

/** The left menu, in the order of the office's work. */
export const PAGES: PageEntry[] = [
  { key: 'villages', label: '村社台账', icon: <HomeOutlined />, Component: VillagesPage },
  { key: 'candidates', label: '人选库', icon: <SolutionOutlined />, Component: CandidatesPage },
  { key: 'risks', label: '风险档案', icon: <AlertOutlined />, Component: RisksPage },
  { key: 'voters', label: '选民', icon: <TeamOutlined />, Component: VotersPage },
  { key: 'elections', label: '选举结果', icon: <TrophyOutlined />, Component: ElectionsPage },
  { key: 'statistics', label: '统计', icon: <BarChartOutlined />, Component: StatisticsPage },
  { key: 'import-export', label: '导入导出', icon: <SwapOutlined />, Component: ImportExportPage },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, Component: SettingsPage }
]
