import { z } from 'zod'

/**
 * The notices (公告) a village's 选举委员会 posts on election business, each printed from a template the office
 * words once. A template is a title and a text with placeholders in braces; every village's notice fills them
 * with its own data, in 村 or 社区 wording. The table under the text (the voters, the candidates…) is the
 * register's and is not part of the template.
 */
export const NOTICE_KINDS = [
  '选举日及选举方式',
  '选举委员会组成',
  '选民名单',
  '选民名单补正',
  '候选人名单',
  '投票站及流动票箱',
  '唱票计票监票人员',
  '委托投票名单',
  '选举结果'
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

/** Every placeholder a template may use, with what it is filled with (shown beside the editor). */
export const NOTICE_PLACEHOLDERS = {
  村社: '村(社区)名称，如 东岭村',
  乡镇: '所属乡镇(街道)',
  村: '“村”或“社区”',
  村民: '“村民”或“居民”',
  村民委员会: '“村民委员会”或“居民委员会”',
  选举委员会: '“村民选举委员会”或“居民选举委员会”',
  组织法: '《中华人民共和国村民委员会组织法》或《中华人民共和国城市居民委员会组织法》',
  年度: '本次换届的年份',
  选举日: '村(居)委会选举日，如 2026年3月1日',
  公布日期: '选民名单公布日期',
  选民人数: '列入选民名单的人数',
  职数: '村(居)委会职数（主任、副主任和委员共几人）',
  申诉天数: '对选民名单提出申诉的期限（天）',
  委托上限: '每一选民接受委托的上限（人）',
  参加投票人数: '选举结果：收回选票数',
  登记选民数: '选举结果：登记选民数'
} as const
export type NoticePlaceholder = keyof typeof NOTICE_PLACEHOLDERS
export type NoticeValues = Record<NoticePlaceholder, string>

export interface NoticeTemplateText {
  title: string
  body: string
}

/** The wording shipped with the program, used until the office saves its own. */
export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, NoticeTemplateText> = {
  选举日及选举方式: {
    title: '{村社}关于{村民委员会}选举日及选举方式的公告',
    body: `根据{组织法}和上级有关规定，经{选举委员会}研究决定，现将{村社}{年度}年{村民委员会}换届选举有关事项公告如下：

一、选举日：{选举日}。

二、选举方式：由本{村}有选举权的{村民}直接选举，采取无记名投票、差额选举的方式，设中心会场和投票站，并设流动票箱；选举时设秘密写票处。

三、应选职数：{村民委员会}由主任、副主任和委员共{职数}人组成，其中应当有妇女成员。

请全体{村民}相互转告，届时凭选民证参加投票。`
  },
  选举委员会组成: {
    title: '{村社}{选举委员会}组成公告',
    body: `经{村民}会议（或{村民}代表会议、{村民}小组会议）推选，{村社}{选举委员会}由以下人员组成，负责主持本{村}{年度}年{村民委员会}选举工作。{选举委员会}成员被提名为{村民委员会}成员候选人的，应当退出{选举委员会}。`
  },
  选民名单: {
    title: '{村社}{年度}年{村民委员会}选举选民名单',
    body: `根据{组织法}的规定，经登记，本{村}{村民委员会}选举共有选民{选民人数}人，现予公布。选举日为{选举日}。对公布的选民名单有不同意见的，可以自名单公布之日起{申诉天数}日内向{选举委员会}提出申诉。`
  },
  选民名单补正: {
    title: '{村社}选民名单补正公告',
    body: `{村社}{年度}年{村民委员会}选举选民名单于{公布日期}公布后，经{选举委员会}审核，对选民名单作如下补正。补正后本{村}共有选民{选民人数}人。`
  },
  候选人名单: {
    title: '{村社}{村民委员会}成员正式候选人名单',
    body: `根据{村民}提名和资格审查结果，经{选举委员会}确认，现将本{村}{村民委员会}成员正式候选人名单（按姓氏笔画排序）公告如下。选举日为{选举日}。`
  },
  投票站及流动票箱: {
    title: '{村社}{村民委员会}选举投票站及流动票箱公告',
    body: `本{村}{村民委员会}选举设中心会场和投票站，并设流动票箱，现将投票地点、时间和流动票箱路线公告如下。流动票箱仅供因年老体弱、残疾或者其他特殊原因不能到投票站投票的选民使用，由三名以上监票、工作人员携带。`
  },
  唱票计票监票人员: {
    title: '{村社}{村民委员会}选举唱票、计票、监票人员名单',
    body: `经{村民}会议（或{村民}代表会议）通过，本次{村民委员会}选举的总监票人、监票人、唱票人、计票人如下。候选人及其近亲属不得担任唱票、计票、监票人员。`
  },
  委托投票名单: {
    title: '{村社}委托投票人名单',
    body: `经{选举委员会}审核，下列选民在选举期间外出不能参加投票，已书面委托其有选举权的近亲属代为投票，现予公布。每一选民接受委托投票不得超过{委托上限}人。`
  },
  选举结果: {
    title: '{村社}{村民委员会}选举结果公告',
    body: `{村社}{村民委员会}选举于{选举日}举行。本{村}登记选民{登记选民数}人，参加投票{参加投票人数}人，选举有效。根据{组织法}的规定，下列人员当选为{村社}新一届{村民委员会}成员，现予公告。`
  }
}

const PLACEHOLDER = /\{([^{}]*)\}/g

/** Placeholders of a text that the program does not fill, each once. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1])
  return [...new Set(names.filter((n) => !(n in NOTICE_PLACEHOLDERS)))]
}

/** The text with every placeholder filled; an empty value becomes a blank line to write in by hand. */
export function fillNotice(text: string, values: NoticeValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) return whole
    const v = values[name as NoticePlaceholder]
    return v === '' ? '＿＿＿＿' : v
  })
}

const templateText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`)
    .superRefine((t, ctx) => {
      const unknown = unknownPlaceholders(t)
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${label}中的 ${unknown.map((u) => `{${u}}`).join('、')} 不是可用的占位符，可用：${Object.keys(NOTICE_PLACEHOLDERS).map((k) => `{${k}}`).join(' ')}` })
      }
    })

export const noticeKindInput = z.object({ notice: z.enum(NOTICE_KINDS, { error: '未知的公告种类' }) })

export const noticeTemplateInput = z.object({
  notice: z.enum(NOTICE_KINDS, { error: '未知的公告种类' }),
  title: templateText('标题', 100),
  body: templateText('正文', 3000)
})
export type NoticeTemplateInput = z.input<typeof noticeTemplateInput>

export const noticePreviewInput = noticeTemplateInput.extend({
  villageId: z.number({ error: '请选择预览的村社' }).int().positive()
})

/** A saved wording of a notice; version 0 is the wording shipped with the program. */
export interface NoticeTemplate extends NoticeTemplateText {
  notice: NoticeKind
  version: number
  savedAt: string | null
}
