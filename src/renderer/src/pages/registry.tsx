import {
  AlertOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  HomeOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined
} from '@ant-design/icons'
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react'

export interface PageEntry {
  key: string
  label: string
  icon: ReactNode
  Component: LazyExoticComponent<ComponentType>
}

/** Each room loads when first opened, so the window appears quickly and ECharts loads only for 统计. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })))

/** The left menu, in the order of the office's work. */
export const PAGES: PageEntry[] = [
  { key: 'villages', label: '村社台账', icon: <HomeOutlined />, Component: page(() => import('./villages/VillagesPage'), 'VillagesPage') },
  { key: 'candidates', label: '人选库', icon: <SolutionOutlined />, Component: page(() => import('./candidates/CandidatesPage'), 'CandidatesPage') },
  { key: 'risks', label: '风险档案', icon: <AlertOutlined />, Component: page(() => import('./risks/RisksPage'), 'RisksPage') },
  { key: 'voters', label: '选民', icon: <TeamOutlined />, Component: page(() => import('./voters/VotersPage'), 'VotersPage') },
  { key: 'elections', label: '选举结果', icon: <TrophyOutlined />, Component: page(() => import('./elections/ElectionsPage'), 'ElectionsPage') },
  { key: 'after', label: '换届后', icon: <CarryOutOutlined />, Component: page(() => import('./after/AfterVotePage'), 'AfterVotePage') },
  { key: 'statistics', label: '统计', icon: <BarChartOutlined />, Component: page(() => import('./statistics/StatisticsPage'), 'StatisticsPage') },
  {
    key: 'import-export',
    label: '导入导出',
    icon: <SwapOutlined />,
    Component: page(() => import('./import-export/ImportExportPage'), 'ImportExportPage')
  },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, Component: page(() => import('./settings/SettingsPage'), 'SettingsPage') }
]
