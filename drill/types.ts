/** One line of the drill table. */
export interface DrillRow {
  drill: string
  trials: number
  failures: number
  worstMs: number
  peakMb: number
  note?: string
}

/** A module drill/NAME.drill.ts exports `drill` of this shape; drill/run.ts finds and runs it. */
export interface Drill {
  name: string
  run(opts: { quick: boolean }): Promise<DrillRow[]>
}
