import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import '../../shared/zod-zh'
import 'dayjs/locale/zh-cn'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Eagerly, so the browser-mode token is taken from the address before any navigation can drop it.
import './api/client'
import { AccessGate } from './access/AccessGate'
import { AppShell } from './AppShell'
import './styles.css'

dayjs.locale('zh-cn')

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AccessGate>
          <AppShell />
        </AccessGate>
      </AntApp>
    </ConfigProvider>
  </StrictMode>
)
