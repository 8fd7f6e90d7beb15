// electron-builder's afterPack hook: burns the Electron fuses into the packed executable before it is signed,
// so that the installed app cannot be turned into a plain Node.js (RunAsNode), read its settings from
// NODE_OPTIONS or a debugger flag, or load any code but its own checked asar archive.
const path = require('node:path')
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses')

const FUSES = {
  version: FuseVersion.V1,
  // A fuse added by a later Electron fails the build until it is decided here.
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The window's pages are file: URLs.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true
}

/** The packed Electron executable electron-builder left in appOutDir. */
function executableOf(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const product = packager.appInfo.productFilename
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${product}.exe`)
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${product}.app`)
  return path.join(appOutDir, packager.executableName)
}

async function afterPack(context) {
  await flipFuses(executableOf(context), {
    ...FUSES,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 // Arch.arm64
  })
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.FUSES = FUSES
module.exports.executableOf = executableOf
