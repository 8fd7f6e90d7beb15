import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../core/test-support'

const require = createRequire(import.meta.url)
// Not re-exported by the package's index: how a fuse wire is marked in the binary, and its byte values.
const { FuseState, SENTINEL } = require('@electron/fuses/dist/constants') as { FuseState: Record<'ENABLE' | 'DISABLE', number>; SENTINEL: string }
const afterPack = require('../../../scripts/after-pack.cjs') as ((context: object) => Promise<void>) & {
  executableOf(context: object): string
}

const tempDir = useTempDir()

/** An executable as Electron ships it: the fuse wire (version 1, eight fuses, all at Electron's defaults) inside. */
function fakeElectron(file: string): void {
  const defaults = [1, 1, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE))
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), Buffer.from([1, 8, ...defaults]), Buffer.alloc(4096, 0x90)]))
}

const context = (appOutDir: string, platform: string) => ({
  appOutDir,
  electronPlatformName: platform,
  arch: 1,
  packager: { appInfo: { productFilename: '换届工作台' }, executableName: 'huanjie-workbench' }
})

describe('electron-builder afterPack', () => {
  it('finds the packed executable of each platform', () => {
    expect(afterPack.executableOf(context('/out/win-unpacked', 'win32'))).toBe(path.join('/out/win-unpacked', '换届工作台.exe'))
    expect(afterPack.executableOf(context('/out/linux-unpacked', 'linux'))).toBe(path.join('/out/linux-unpacked', 'huanjie-workbench'))
  })

  it('burns the fuses: no RunAsNode, no NODE_OPTIONS or inspector, cookies encrypted, only the checked asar', async () => {
    for (const platform of ['win32', 'linux']) {
      const dir = tempDir()
      const ctx = context(dir, platform)
      const exe = afterPack.executableOf(ctx)
      fakeElectron(exe)
      const size = fs.statSync(exe).size
      await afterPack(ctx)
      const wire = (await getCurrentFuseWire(exe)) as unknown as Record<number, number>
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE)
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE)
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
      expect(fs.statSync(exe).size).toBe(size)
    }
  })

  it('fails the build when the Electron binary has a fuse this hook has not decided', async () => {
    const dir = tempDir()
    const ctx = context(dir, 'linux')
    const exe = afterPack.executableOf(ctx)
    fs.writeFileSync(exe, Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 9, ...Array(9).fill(FuseState.ENABLE)])]))
    await expect(afterPack(ctx)).rejects.toThrow(/strictlyRequireAllFuses/)
  })

  it('is the hook electron-builder runs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'))
    expect(pkg.build.afterPack).toBe('scripts/after-pack.cjs')
    expect(pkg.build.asar).toBe(true)
  })
})
