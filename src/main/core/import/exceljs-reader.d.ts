/** exceljs's streaming workbook reader by its own path: the import's reading thread loads it alone. */
declare module 'exceljs/lib/stream/xlsx/workbook-reader' {
  const WorkbookReader: unknown
  export default WorkbookReader
}
