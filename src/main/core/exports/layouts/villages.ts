import type { Village } from '../../../../shared/village'
import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

export function villagesSpec(h: TableHeading): TableSpec<Village> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届村社台账`,
    sheetName: '村社台账',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      indexColumn(),
      { header: '村(社区)名称', width: 16, value: (v) => v.name },
      { header: '类型', width: 6, align: 'center', value: (v) => v.kind },
      { header: '所属乡镇', width: 10, value: (v) => v.township },
      { header: '行政区划代码', width: 16, align: 'center', value: (v) => v.divisionCode },
      { header: '户数', width: 8, kind: 'number', value: (v) => v.households },
      { header: '人口', width: 8, kind: 'number', value: (v) => v.population },
      { header: '党员数', width: 8, kind: 'number', value: (v) => v.partyMembers },
      { header: '党组织职数', group: '职数', width: 8, kind: 'number', value: (v) => v.partySeats },
      { header: '村(居)委会职数', group: '职数', width: 9, kind: 'number', value: (v) => v.committeeSeats },
      { header: '分级', width: 9, align: 'center', value: (v) => v.grade },
      { header: '包村领导', width: 9, align: 'center', value: (v) => v.leader },
      { header: '驻村干部', width: 9, align: 'center', value: (v) => v.residentCadre },
      { header: '第一书记', width: 9, align: 'center', value: (v) => v.firstSecretary },
      { header: '党组织', group: '换届日期', width: 12.5, kind: 'date', align: 'center', value: (v) => v.partyElectionDate },
      { header: '村(居)委会', group: '换届日期', width: 12.5, kind: 'date', align: 'center', value: (v) => v.committeeElectionDate },
      { header: '备注', width: 15, value: (v) => v.note }
    ]
  }
}
