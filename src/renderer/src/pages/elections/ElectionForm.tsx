import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { inRange } from '../../components/range'
import { Alert, AutoComplete, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Segmented, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { toTally, type BallotCandidate, type ElectionInput, type ElectionRecord } from '../../../../shared/election'
import { ballotProblems, decideElection, POSTS, ROUNDS, type Body, type ElectionThresholds } from '../../../../shared/election-rules'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { FormModal } from '../../components/FormModal'
import { showFormErrors } from '../../components/formErrors'
import { DecisionView } from './DecisionView'

type Values = Omit<ElectionInput, 'heldOn' | 'villageId'> & { heldOn: Dayjs | null; enteredBy?: string; reason?: string }

/** 双人录入: one keying of a count sheet (the first, the second of `sheetId`, or a correction of a locked result). */
export interface SheetEntry {
  sheetId: number | null
  entryNo: 1 | 2
  correcting: ElectionRecord | null
}

function blank(body: Body, heldOn: string | null, registered: number | null): Partial<Values> {
  return {
    body,
    round: '正式选举',
    heldOn: heldOn ? dayjs(heldOn) : null,
    registered: registered ?? undefined,
    races: [{ post: body === '村委会' ? '主任' : '书记', seats: 1, candidates: [{ name: '', votes: 0 }] }]
  }
}

const num = (label: string) => ({ required: true, message: `请填写${label}` })
/** A count typed is refused below 0 with the range said, never raised by the input. */
const COUNT = inRange(0)

export function ElectionForm({
  open,
  villageId,
  body,
  election,
  defaults,
  thresholds,
  onClose,
  onSaved,
  sheet = null
}: {
  open: boolean
  villageId: number
  body: Body
  election: ElectionRecord | null
  sheet?: SheetEntry | null
  defaults: { heldOn: string | null; registered: number | null }
  thresholds: ElectionThresholds | undefined
  onClose: () => void
  onSaved: (e: ElectionRecord | null) => void
}) {
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const values = Form.useWatch([], form) as Values | undefined
  const ballot = useResource(() => (open ? unwrap(api.elections.ballot({ villageId, body })) : Promise.resolve([])), [open, villageId, body])
  // Only 正式候选人 are offered; a 人选 before 公示 is shown, disabled, so the clerk sees why it cannot be chosen.
  const candidateOptions = (ballot.data ?? []).map((b) => ({
    value: b.name,
    person: b,
    disabled: !b.formal,
    label: `${b.name} · ${b.postLabel}${b.formal ? '' : `（${b.pool}，未确定为正式候选人）`}`
  }))

  useEffect(() => {
    if (!open) return
    setProblem(null)
    form.resetFields()
    form.setFieldsValue(
      election
        ? {
            ...election,
            heldOn: dayjs(election.heldOn),
            races: election.races.map((r) => ({ ...r, candidates: r.candidates.map((c) => ({ ...c, idNumber: c.idNumber ?? '' })) }))
          }
        : blank(body, defaults.heldOn, defaults.registered)
    )
  }, [open, election, body, defaults.heldOn, defaults.registered, form])

  // The same rules as the register, run here as the clerk types, so the result shows before saving.
  const preview = useMemo(() => {
    if (!values || !thresholds || !values.races) return null
    const n = (x: unknown) => (typeof x === 'number' ? x : NaN)
    const counts = [values.registered, values.issued, values.returned, values.valid, values.invalid].map(n)
    if (counts.some(Number.isNaN) || (body === '党组织' && Number.isNaN(n(values.present)))) return null
    const races = values.races
      .filter((r) => r && r.post && r.seats)
      .map((r) => ({
        post: r.post,
        seats: r.seats,
        spoiled: n(r.spoiled) || 0,
        candidates: (r.candidates ?? [])
          .filter((c) => c && c.name)
          .map((c) => ({ name: c.name, idNumber: c.idNumber ?? null, sex: c.sex ?? null, votes: n(c.votes) || 0, writeIn: !!c.writeIn }))
      }))
    const tally = toTally({ ...values, body, round: values.round ?? '正式选举', present: values.present ?? null, races } as Parameters<typeof toTally>[0])
    const problems = Object.values(ballotProblems(tally))
    return problems.length ? { problems } : { decision: decideElection(tally, thresholds) }
  }, [values, thresholds, body])

  const submit = async (v: Values) => {
    setSaving(true)
    setProblem(null)
    const { enteredBy = '', reason = '', ...figures } = v
    const data = { ...figures, body, villageId, heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '' } as ElectionInput
    try {
      if (sheet) {
        await unwrap(api.countSheets.enter({ sheetId: sheet.sheetId, enteredBy, figures: data, electionId: sheet.correcting?.id ?? null, reason }))
        onSaved(null)
      } else onSaved(election ? await unwrap(api.elections.update({ id: election.id, data })) : await unwrap(api.elections.create(data)))
    } catch (e) {
      setProblem(showFormErrors(form, e, sheet ? 'figures.' : 'data.'))
    } finally {
      setSaving(false)
    }
  }

  const party = body === '党组织'
  return (
    <FormModal open={open} title={sheet ? `${party ? '党组织' : '村(居)委会'}计票单第${sheet.entryNo === 1 ? '一' : '二'}次录入` : `${election ? '修改' : '录入'}${party ? '党组织' : '村(居)委会'}选举结果`} width={1080} form={form} saving={saving} problem={problem} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label="选举结果">
        {sheet && <SheetFields sheet={sheet} />}
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="round" label="轮次">
              <Segmented options={[...ROUNDS]} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="heldOn" label="选举日期" rules={[{ required: true, message: '请选择选举日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="registered" label={party ? '应到会有选举权党员' : '登记选民数'} rules={[num('人数'), COUNT]}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {party && (
            <Col span={4}>
              <Form.Item name="present" label="实到会人数" rules={[num('实到会人数'), COUNT]}>
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {!party &&
            (
              [
                ['proxyVotes', '委托投票人数'],
                ['mobileVotes', '流动票箱投票人数']
              ] as const
            ).map(([name, label]) => (
              <Col span={4} key={name}>
                <Form.Item name={name} label={label} tooltip="计入参加投票人数（收回选票）；未统计可留空，报告单该栏留待手填" rules={[COUNT]}>
                  <InputNumber precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
        </Row>
        <Row gutter={12}>
          {(
            [
              ['issued', '发出选票'],
              ['returned', '收回选票'],
              ['valid', '有效票'],
              ['invalid', '无效票']
            ] as const
          ).map(([name, label]) => (
            <Col span={5} key={name}>
              <Form.Item name={name} label={label} rules={[num(label), COUNT]}>
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.List name="races">
          {(races, { add, remove }) => (
            <>
              {races.map((race) => (
                <Card
                  key={race.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={
                    <Row gutter={8} align="middle">
                      <Col>
                        <Form.Item name={[race.name, 'post']} noStyle rules={[{ required: true }]}>
                          <Select aria-label="职位" style={{ width: 110 }} options={POSTS[body].map((p) => ({ value: p, label: p }))} />
                        </Form.Item>
                      </Col>
                      <Col>应选</Col>
                      <Col>
                        <Form.Item name={[race.name, 'seats']} style={{ marginBottom: 0 }} rules={[{ required: true, message: '请填写应选名额' }, inRange(1, 9, '名')]}>
                          <InputNumber aria-label="应选名额" precision={0} style={{ width: 70 }} />
                        </Form.Item>
                      </Col>
                      <Col>名，该职位废票</Col>
                      <Col>
                        <Form.Item name={[race.name, 'spoiled']} noStyle>
                          <InputNumber aria-label="该职位废票" min={0} precision={0} placeholder="0" style={{ width: 70 }} />
                        </Form.Item>
                      </Col>
                      <Col>张</Col>
                    </Row>
                  }
                  extra={
                    <Button type="link" danger onClick={() => remove(race.name)} disabled={races.length === 1}>
                      删除职位
                    </Button>
                  }
                >
                  <Form.List name={[race.name, 'candidates']}>
                    {(cands, c) => (
                      <>
                        {cands.map((cand, j) => (
                          <Row gutter={8} key={cand.key} align="top">
                            <Col span={5}>
                              <Form.Item name={[cand.name, 'personId']} hidden>
                                <Input />
                              </Form.Item>
                              <Form.Item name={[cand.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                                <AutoComplete
                                  placeholder="从正式候选人中选择"
                                  popupMatchSelectWidth={360}
                                  aria-label={`被选举人${j + 1}姓名`}
                                  options={candidateOptions}
                                  filterOption={(input, o) => !!o && String(o.value).includes(input)}
                                  onSelect={(_: string, o: { person: BallotCandidate }) =>
                                    form.setFieldValue(['races', race.name, 'candidates', cand.name], {
                                      ...form.getFieldValue(['races', race.name, 'candidates', cand.name]),
                                      name: o.person.name,
                                      idNumber: o.person.idNumber ?? '',
                                      sex: o.person.sex,
                                      personId: o.person.personId,
                                      writeIn: false
                                    })
                                  }
                                  onChange={(v: string) => {
                                    const chosen = ballot.data?.find((b) => b.personId === form.getFieldValue(['races', race.name, 'candidates', cand.name, 'personId']))
                                    if (chosen && chosen.name !== v) form.setFieldValue(['races', race.name, 'candidates', cand.name, 'personId'], null)
                                  }}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={7}>
                              <Form.Item name={[cand.name, 'idNumber']}>
                                <Input placeholder="身份证号（另选他人当选须填）" aria-label={`被选举人${j + 1}身份证号`} />
                              </Form.Item>
                            </Col>
                            <Col span={3}>
                              <Form.Item name={[cand.name, 'sex']}>
                                <Select placeholder="性别" aria-label={`被选举人${j + 1}性别`} allowClear options={[{ value: '男' }, { value: '女' }]} />
                              </Form.Item>
                            </Col>
                            <Col span={4}>
                              <Form.Item name={[cand.name, 'votes']} rules={[{ required: true, message: '请填写得票' }, COUNT]}>
                                <InputNumber placeholder="得票" aria-label={`被选举人${j + 1}得票`} precision={0} style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col span={3}>
                              <Form.Item name={[cand.name, 'writeIn']} valuePropName="checked">
                                <Checkbox>另选他人</Checkbox>
                              </Form.Item>
                            </Col>
                            <Col span={2}>
                              <Button icon={<DeleteOutlined />} aria-label={`删除被选举人${j + 1}`} onClick={() => c.remove(cand.name)} disabled={cands.length === 1} />
                            </Col>
                          </Row>
                        ))}
                        <Button icon={<PlusOutlined />} onClick={() => c.add({ name: '', votes: 0 })}>
                          添加被选举人
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const used = new Set((form.getFieldValue('races') ?? []).map((r: { post: string }) => r?.post))
                  // Most ballots add 委员 after the head of the committee; 副职 are chosen from the list.
                  add({ post: used.has('委员') ? POSTS[body].find((p) => !used.has(p)) : '委员', seats: 1, candidates: [{ name: '', votes: 0 }] })
                }}
              >
                添加职位
              </Button>
            </>
          )}
        </Form.List>
        <button type="submit" hidden aria-hidden />
      </Form>
      <Card size="small" title="计票结果预览（按现行规则即时计算）" style={{ marginTop: 16 }}>
        {!preview ? (
          <span style={{ color: '#888' }}>填写人数与票数后，这里显示谁当选以及依据。</span>
        ) : 'problems' in preview ? (
          preview.problems!.map((p) => <Alert key={p} type="error" showIcon title={p} style={{ marginBottom: 6 }} />)
        ) : (
          <DecisionView decision={preview.decision!} />
        )}
      </Card>
    </FormModal>
  )
}

/** Who keys the sheet (the name for now, an account later), and why a locked result is corrected. */
function SheetFields({ sheet }: { sheet: SheetEntry }) {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          sheet.entryNo === 1
            ? '第一次录入：对照纸质计票单逐项录入。保存后须由另一名工作人员不看本次数字，再录入一次；两次一致才生成正式结果。'
            : '第二次录入：请对照同一张纸质计票单重新录入（看不到第一次录入的数字），两次录入逐项比对。'
        }
      />
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="enteredBy" label="录入人" rules={[{ required: true, whitespace: true, message: '请填写录入人姓名' }]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        {sheet.correcting && (
          <Col span={18}>
            <Form.Item name="reason" label={`更正原因（第${sheet.correcting.version + 1}版）`} rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </>
  )
}
