/** pinyin-pro's word dictionary (published under its dist/ export), read by search-key.test.ts. */
declare module 'pinyin-pro/dist/esm/data/patterns.mjs' {
  export const PatternsNormal: { zh: string; pinyin: string }[]
}
