export interface DrillRow { drill: string; trials: number; failures: number; worstMs: number; peakMb: number; note?: string }
