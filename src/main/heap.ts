import v8 from 'node:v8'

/**
 * A larger young generation for the processes that hold the register (desktop main, CLI, browser mode).
 * Laying out hundreds of forms allocates many short-lived objects; with V8's default 16 MB semi-spaces the
 * collector promotes and rescans them again and again (a quarter of a 500-form PDF's time). 32 MB each
 * costs at most 48 MB more and is set before the heap has grown.
 */
export function tuneHeapForForms(): void {
  v8.setFlagsFromString('--max-semi-space-size=32')
}
