import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron'
import path from 'node:path'
import type { BackupResult } from '../core/store'
import type { Result } from '../../shared/result'

/** `backup` goes through the gate (管理员 only); `file` is the register's path. */
export function buildMenu(file: string, backup: (out: string) => Promise<Result<BackupResult>>): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        {
          label: '备份数据库…',
          click: async () => {
            const stamp = new Date().toISOString().slice(0, 10)
            const { canceled, filePath } = await dialog.showSaveDialog({
              title: '备份数据库',
              defaultPath: path.join(app.getPath('documents'), `换届工作台备份-${stamp}.db`),
              filters: [{ name: '换届工作台数据库', extensions: ['db'] }]
            })
            if (canceled || !filePath) return
            const r = await backup(filePath)
            if (!r.ok) return dialog.showErrorBox('备份失败', r.error.message)
            await dialog.showMessageBox({ type: 'info', message: '备份完成', detail: `${r.value.path}（${r.value.bytes} 字节）${r.value.note ? `\n${r.value.note}` : ''}` })
          }
        },
        { label: '打开数据所在文件夹', click: () => shell.showItemInFolder(file) },
        { type: 'separator' },
        { label: '退出', role: 'quit' }
      ]
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' }
      ]
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as MenuItemConstructorOptions])
      ]
    }
  ]
  return Menu.buildFromTemplate(template)
}
