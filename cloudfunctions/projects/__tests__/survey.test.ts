import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { data, guestCookie } from './helpers'

// p057 committee (机关), p001 secretary of 运维部, p002 and p003 members of 运维部, p016 member of 安质部.
let cloud: TestCloud
const as: Record<string, string> = {}
const YEAR = 2027

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p016', 'p057']) as[id] = await cloud.signIn(id)
  as.guest = guestCookie(cloud, 'survey-guest')
})
afterAll(() => cloud.close())

const call = (who: string, action: string, payload: object) =>
  cloud.call(as[who], 'projects', action as 'survey', payload as never)
const problems = () => cloud.db.find('survey_problems', { year: YEAR })

describe('大调研: the yearly survey round', () => {
  it('is opened by the committee only; until then nobody submits', async () => {
    expect(
      await call('p002', 'submitProblem', { year: YEAR, text: '学习流于形式', field: 'team' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: `${YEAR} 年度调研尚未开启`,
    })
    expect(await call('p001', 'setSurvey', { year: YEAR, open: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '调研由党委开启和结束',
    })
    expect(cloud.db.count('survey_rounds', { year: YEAR })).toBe(0)
    expect(data(await call('p057', 'setSurvey', { year: YEAR, open: true }))).toEqual({
      year: YEAR,
      open: true,
    })
    const view = data(await call('p002', 'survey', { year: YEAR }))
    expect(view).toMatchObject({
      year: YEAR,
      round: { open: true },
      problems: [],
      canSubmit: true,
      canCurate: false,
    })
  })

  it('takes problems with a field and the submitter’s branch; bad input changes nothing', async () => {
    const own = data(
      await call('p002', 'submitProblem', { year: YEAR, text: '党建与业务“两张皮”', field: 'efficiency' }),
    )
    data(
      await call('p016', 'submitProblem', {
        year: YEAR,
        text: '党建业务两张皮，一手软一手硬',
        field: 'efficiency',
      }),
    )
    data(
      await call('p003', 'submitProblem', { year: YEAR, text: '青年员工创新动力不足', field: 'innovation' }),
    )
    expect(problems().find((p) => p._id === (own as unknown as { id: string }).id)).toMatchObject({
      branchId: 'b-yunwei',
      branchName: expect.stringContaining('运维'),
      authorId: 'p002',
      field: 'efficiency',
      endorsers: [],
      key: false,
    })
    for (const payload of [
      { year: YEAR, text: ' ', field: 'team' },
      { year: YEAR, text: '问'.repeat(201), field: 'team' },
      { year: YEAR, text: '问题', field: 'sports' },
    ]) {
      expect(await call('p002', 'submitProblem', payload)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(problems()).toHaveLength(3)
    expect(await cloud.call(as.guest, 'projects', 'survey', {})).toMatchObject({ code: 'NOT_REGISTERED' })
  })

  it('counts a +1 once per person, never the author’s own', async () => {
    const id = problems().find((p) => p.authorId === 'p002')!._id as string
    expect(data(await call('p003', 'endorseProblem', { id }))).toEqual({ id, count: 1 })
    expect(data(await call('p003', 'endorseProblem', { id }))).toEqual({ id, count: 1 })
    expect(data(await call('p016', 'endorseProblem', { id }))).toEqual({ id, count: 2 })
    expect(await call('p002', 'endorseProblem', { id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '不能为自己提的问题 +1',
    })
    expect(await call('p002', 'endorseProblem', { id: 'sp-404' })).toMatchObject({ code: 'NOT_FOUND' })
    const view = data(await call('p003', 'survey', { year: YEAR }))
    expect(view.problems[0]).toMatchObject({ id, count: 2, endorsedByMe: true, mine: false })
  })

  it('lets the committee merge a duplicate (its author and +1s move over) and mark the key problems', async () => {
    const target = problems().find((p) => p.authorId === 'p002')!._id as string
    const dup = problems().find((p) => p.authorId === 'p016')!._id as string
    data(await call('p001', 'endorseProblem', { id: dup }))
    expect(await call('p001', 'curateProblem', { id: dup, mergeInto: target })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await call('p057', 'curateProblem', { id: dup })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await call('p057', 'curateProblem', { id: dup, mergeInto: dup })).toMatchObject({
      code: 'CONFLICT',
      message: '不能把问题合并到它自己',
    })
    expect(data(await call('p057', 'curateProblem', { id: dup, mergeInto: target }))).toEqual({
      id: dup,
      key: false,
      mergedInto: target,
    })
    expect(data(await call('p057', 'curateProblem', { id: target, key: true }))).toMatchObject({ key: true })
    // Merged away: no more +1s there, and it cannot be merged again.
    expect(await call('p003', 'endorseProblem', { id: dup })).toMatchObject({ code: 'CONFLICT' })
    expect(await call('p057', 'curateProblem', { id: dup, mergeInto: target })).toMatchObject({
      code: 'CONFLICT',
    })
    const view = data(await call('p057', 'survey', { year: YEAR }))
    expect(view.canCurate).toBe(true)
    expect(view.problems).toHaveLength(2)
    // p003, p016 (+1s), p016 (the duplicate's author, once) and p001 (who +1'd the duplicate).
    expect(view.problems[0]).toMatchObject({
      id: target,
      key: true,
      count: 3,
      merged: [
        { id: dup, text: '党建业务两张皮，一手软一手硬', branchName: expect.stringContaining('安质') },
      ],
    })
  })

  it('closes: problems stay, nobody submits or +1s', async () => {
    expect(data(await call('p057', 'setSurvey', { year: YEAR, open: false }))).toEqual({
      year: YEAR,
      open: false,
    })
    const id = problems().find((p) => p.authorId === 'p003')!._id as string
    expect(await call('p002', 'endorseProblem', { id })).toMatchObject({ code: 'CONFLICT' })
    expect(
      await call('p002', 'submitProblem', { year: YEAR, text: '迟到的问题', field: 'team' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: `${YEAR} 年度调研已结束，不能再提交问题`,
    })
    const view = data(await call('p002', 'survey', { year: YEAR }))
    expect(view).toMatchObject({ round: { open: false }, canSubmit: false })
    expect(view.problems).toHaveLength(2)
  })
})
