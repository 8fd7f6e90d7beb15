/**
 * What reading a roster needs besides the kinds' definitions: how header texts and values are compared, and
 * column letters. Free of zod and the rest of the domain, so that the reading thread starts quickly.
 */

/** Data rows a preview lists. */
export const PREVIEW_ROWS = 200

/** Header texts that mark a column the importer ignores on purpose. */
export const IGNORED_HEADERS = ['序号', '编号', '序', 'NO', 'NO.', '行号']

/**
 * A header or a choice value as compared: full-width folded, spaces, line breaks and required-marks (*) gone,
 * parentheses unified, upper-case Latin. "公民身份号码 \n（必填）*" and "公民身份号码(必填)" meet here.
 */
export function headerKey(text: string): string {
  return foldWidth(text)
    .replace(/[\s*＊]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toUpperCase()
}

const WIDE = /[\uFF01-\uFF5E\u3000]/

/** Full-width ASCII (Ｘ, １, ：) to half-width and the ideographic space to a space. */
export function foldWidth(text: string): string {
  // Most cells hold none: testing first spares a copy of every cell of a large roster.
  if (!WIDE.test(text)) return text
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
