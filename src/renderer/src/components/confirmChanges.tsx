import type { useAppProps } from 'antd/es/app/context'
import { Table } from 'antd'
import type { FieldChange } from '../../../shared/changes'

/**
 * Shows what an edit changes before it is saved: 保存修改 saves, 返回修改 goes back to the form.
 * With nothing changed it says so and resolves 'unchanged'.
 */
export function confirmChanges(app: Pick<useAppProps, 'modal' | 'message'>, title: string, changes: FieldChange[]): Promise<'save' | 'back' | 'unchanged'> {
  if (changes.length === 0) {
    app.message.info('没有改动，无需保存')
    return Promise.resolve('unchanged')
  }
  return new Promise((resolve) => {
    app.modal.confirm({
      title,
      width: 620,
      okText: '保存修改',
      cancelText: '返回修改',
      content: (
        <Table<FieldChange>
          size="small"
          rowKey="field"
          pagination={false}
          aria-label="将要修改的内容"
          dataSource={changes}
          columns={[
            { title: '项目', dataIndex: 'label', width: 130 },
            { title: '原值', dataIndex: 'before', render: (v: string) => <del style={{ color: '#a8071a' }}>{v}</del> },
            { title: '新值', dataIndex: 'after', render: (v: string) => <b style={{ color: '#237804' }}>{v}</b> }
          ]}
        />
      ),
      onOk: () => resolve('save'),
      onCancel: () => resolve('back')
    })
  })
}
