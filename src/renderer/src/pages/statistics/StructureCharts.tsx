import ReactECharts from 'echarts-for-react'
import { percent, type Share, type StructureStats } from '../../../../shared/structure-stats'

const SHARES: [string, (s: StructureStats) => Share][] = [
  ['一肩挑', (s) => s.oneShoulder],
  ['交叉任职', (s) => s.cross],
  ['党员', (s) => s.party],
  ['女性', (s) => s.women],
  ['35岁及以下', (s) => s.age35],
  ['大专及以上', (s) => s.college],
  ['全日制本科及以上', (s) => s.fulltimeBachelor]
]

const AGES: [string, (s: StructureStats) => number][] = [
  ['35岁及以下', (s) => s.age35.count],
  ['36–45岁', (s) => s.age45.count - s.age35.count],
  ['46–50岁', (s) => s.age50.count - s.age45.count],
  ['51–60岁', (s) => s.ageKnown - s.age50.count - s.over60.count],
  ['60岁以上', (s) => s.over60.count]
]

const font = { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" }

/** Shares of the new term beside the outgoing one, and the age brackets of both. */
export function StructureCharts({ incoming, outgoing }: { incoming: StructureStats; outgoing: StructureStats }) {
  const shares = {
    textStyle: font,
    title: { text: '结构比例（%）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: ['上届', '本届'] },
    grid: { left: 40, right: 16, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: SHARES.map(([l]) => l), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      { name: '上届', type: 'bar', data: SHARES.map(([, f]) => percent(f(outgoing)) ?? 0), itemStyle: { color: '#9e9e9e' } },
      { name: '本届', type: 'bar', data: SHARES.map(([, f]) => percent(f(incoming)) ?? 0), itemStyle: { color: '#b71c1c' }, label: { show: true, position: 'top', formatter: '{c}' } }
    ]
  }
  const ages = {
    textStyle: font,
    title: { text: '年龄分布（人，按选举日计算）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: ['上届', '本届'] },
    grid: { left: 40, right: 16, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: AGES.map(([l]) => l) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '上届', type: 'bar', data: AGES.map(([, f]) => f(outgoing)), itemStyle: { color: '#9e9e9e' } },
      { name: '本届', type: 'bar', data: AGES.map(([, f]) => f(incoming)), itemStyle: { color: '#b71c1c' } }
    ]
  }
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
      <ReactECharts option={shares} style={{ height: 320 }} notMerge />
      <ReactECharts option={ages} style={{ height: 320 }} notMerge />
    </div>
  )
}
