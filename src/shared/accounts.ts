import { z } from 'zod'

/** Who may do what: 管理员 everything (accounts, settings, backups), 经办人 data entry, imports and exports, 查阅 reads and prints. */
export const ROLES = ['管理员', '经办人', '查阅'] as const
export type Role = (typeof ROLES)[number]

/**
 * What an API method needs, declared next to it in src/main/api/access.ts: `read` every role, `write` (data entry,
 * imports) 经办人 and 管理员, `export` every role that may print (recorded in 操作记录), `admin` 管理员 only.
 */
export const NEEDS = ['read', 'export', 'write', 'admin'] as const
export type Need = (typeof NEEDS)[number]

const GRANTS: Record<Role, readonly Need[]> = {
  管理员: ['read', 'export', 'write', 'admin'],
  经办人: ['read', 'export', 'write'],
  查阅: ['read', 'export']
}

export const roleAllows = (role: Role, need: Need): boolean => GRANTS[role].includes(need)

export const NEED_LABELS: Record<Need, string> = { read: '查看', export: '导出或打印', write: '录入和修改', admin: '管理账号、设置和备份' }

export const accountName = z.string().trim().min(1, '请填写账号名').max(40, '账号名不超过 40 个字')

/** ≥ 8 characters and not all digits: a birthday or a phone number is the first guess of anyone holding the file. */
export const password = z
  .string()
  .min(8, '密码至少 8 个字符')
  .max(200, '密码过长')
  .refine((p) => !/^\d+$/.test(p), '密码不能全是数字')

export const credentials = z.object({ account: accountName, password: z.string().min(1, '请填写密码').max(200) })

export const accountInput = z.object({
  name: accountName,
  role: z.enum(ROLES),
  /** Empty: every village; otherwise only these (驻村干部). */
  villageIds: z.array(z.number().int().positive()).max(500).default([]),
  password
})

export const accountUpdate = z.object({
  name: accountName,
  role: z.enum(ROLES),
  villageIds: z.array(z.number().int().positive()).max(500).default([])
})

export const passwordReset = z.object({ name: accountName, password })

export const ACCOUNT_LABELS = { name: '账号名', role: '角色', villageIds: '限定村(社区)', password: '密码', account: '账号名' }

export interface Account {
  id: number
  name: string
  role: Role
  villageIds: number[]
  createdAt: string
  updatedAt: string
}
