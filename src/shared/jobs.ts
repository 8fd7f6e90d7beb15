import { z } from 'zod'

export const jobIdInput = z.object({ id: z.string().min(1) })
