/**
 * What the renderer may load: its own scripts only (no inline script, no eval), antd's inline styles, images
 * and fonts of its own or from data:/blob: URLs, API calls to its own origin. The desktop window gets it as a
 * meta tag; browser mode also sends it as a header with frame-ancestors, which a meta tag cannot carry.
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
