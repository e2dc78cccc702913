import { lecturesSchemas } from '@contract/functions/lectures'
import {
  type DraftQuestion,
  draftPayload,
  emptyLecture,
  formProblems,
  fromDetail,
  questionProblem,
  toggleAnswer,
  withKind,
  withoutOption,
} from '../lecture-values'
import { IMAGE_ID, lecture, SAFETY_QUIZ } from './fixtures'

const question = (overrides: Partial<DraftQuestion> = {}): DraftQuestion => ({
  kind: 'single',
  text: '发现违章行为时应当？',
  options: ['事后再说', '当场纠正', '视而不见'],
  answer: [1],
  ...overrides,
})

describe('quiz questions in the editor', () => {
  it('says what is wrong with a question, in the function’s words', () => {
    expect(questionProblem(question())).toBeNull()
    expect(questionProblem(question({ text: '  ' }))).toBe('请填写题目')
    expect(questionProblem(question({ options: ['事后再说', ' '] }))).toBe('选项不能为空')
    expect(questionProblem(question({ answer: [] }))).toBe('请设置正确答案')
    expect(questionProblem(question({ answer: [0, 1] }))).toBe('单选题只有一个正确答案')
    expect(questionProblem(question({ kind: 'multiple', answer: [0, 1] }))).toBeNull()
  })

  it('marks one answer in a 单选题 and several in a 多选题; back to 单选 keeps the first', () => {
    expect(toggleAnswer(question(), 2).answer).toEqual([2])
    expect(toggleAnswer(question(), 1).answer).toEqual([])
    const multiple = toggleAnswer(toggleAnswer(question({ kind: 'multiple', answer: [] }), 2), 0)
    expect(multiple.answer).toEqual([0, 2])
    expect(withKind(multiple, 'single').answer).toEqual([0])
  })

  it('moves the correct answers with their options when one is removed, keeping at least two', () => {
    const q = question({ kind: 'multiple', options: ['甲', '乙', '丙', '丁'], answer: [0, 2, 3] })
    expect(withoutOption(q, 1)).toEqual({ ...q, options: ['甲', '丙', '丁'], answer: [0, 1, 2] })
    expect(withoutOption(q, 2).answer).toEqual([0, 2])
    const two = question({ options: ['甲', '乙'], answer: [0] })
    expect(withoutOption(two, 0)).toBe(two)
  })
})

describe('formProblems', () => {
  it('names each unfinished question and an audience with no branch', () => {
    const v = {
      ...emptyLecture({ scope: 'branches', branchIds: [] }),
      quiz: {
        passMark: 60,
        reveal: 'pass_or_last' as const,
        questions: [question(), question({ answer: [] })],
      },
    }
    expect(formProblems(v)).toEqual(['请选择面向的支部', '测验第 2 题：请设置正确答案'])
    expect(formProblems(emptyLecture({ scope: 'company' }))).toEqual([])
  })

  it.each<[string, DraftQuestion]>([
    ['empty text', question({ text: ' ' })],
    ['invisible text', question({ text: '\u200B\u3000' })],
    ['text too long', question({ text: '题'.repeat(201) })],
    ['an empty option', question({ options: ['甲', '\u200B'] })],
    ['an option too long', question({ options: ['甲', '乙'.repeat(101)], answer: [0] })],
    ['no answer', question({ answer: [] })],
    ['two answers to a single choice', question({ answer: [0, 1] })],
    ['an answer with no option', question({ options: ['甲', '乙'], answer: [2] })],
    ['the same answer twice', question({ kind: 'multiple', answer: [1, 1] })],
  ])('says of %s what the function would say', (_what, bad) => {
    const quiz = { passMark: 60, reveal: 'pass_or_last' as const, questions: [question(), bad] }
    const server = lecturesSchemas.saveDraft.safeParse({ quiz })
    expect(server.success).toBe(false)
    const first = server.error?.issues[0]
    expect(first?.path.slice(0, 3)).toEqual(['quiz', 'questions', 1])
    expect(formProblems({ ...emptyLecture({ scope: 'company' }), quiz })).toEqual([
      `测验第 2 题：${first?.message}`,
    ])
    expect(questionProblem(bad)).toBe(first?.message)
  })

  it('refuses a body whose HTML would run over the function’s limit', () => {
    const v = {
      ...emptyLecture({ scope: 'company' }),
      bodyText: Array(3000).fill('党建引领 & <发展>').join('\n'),
    }
    expect(formProblems(v)).toEqual(['正文过长，请删减'])
  })
})

describe('draftPayload', () => {
  it('sends every field, the body as HTML, the branch only when creating and the deadline only if required', () => {
    const v = {
      ...emptyLecture({ scope: 'branches', branchIds: ['b-yunwei'] }),
      title: ' 安全帮扶 ',
      speaker: '周晓东',
      summary: '三道小测验',
      bodyText: '# 做法\n- 讲清危险点',
      images: [IMAGE_ID],
      deadline: '2026-12-10',
      quiz: { passMark: 60, reveal: 'pass' as const, questions: [question({ text: ' 发现违章？ ' })] },
    }
    expect(draftPayload(v, undefined, 'b-yunwei')).toEqual({
      branchId: 'b-yunwei',
      title: '安全帮扶',
      speaker: '周晓东',
      summary: '三道小测验',
      body: `<h3>做法</h3>\n<ul><li>讲清危险点</li></ul>\n<p><img src="${IMAGE_ID}" alt="" /></p>`,
      cover: null,
      media: null,
      audience: { scope: 'branches', branchIds: ['b-yunwei'] },
      required: false,
      deadline: null,
      minStudyMinutes: 2,
      quiz: {
        passMark: 60,
        reveal: 'pass',
        questions: [
          { kind: 'single', text: '发现违章？', options: ['事后再说', '当场纠正', '视而不见'], answer: [1] },
        ],
      },
    })
    const saved = draftPayload({ ...v, required: true }, 'lec-9', 'b-yunwei')
    expect(saved).toMatchObject({ id: 'lec-9', required: true, deadline: '2026-12-10' })
    expect(saved).not.toHaveProperty('branchId')
  })
})

describe('fromDetail', () => {
  it('reads a draft back with its quiz answers from the editors’ key', () => {
    const v = fromDetail(
      lecture({
        status: 'draft',
        audience: { scope: 'branches', branches: [{ id: 'b-yunwei', name: '运维部党支部' }] },
        minStudySeconds: 300,
        quiz: SAFETY_QUIZ,
        answerKey: { q1: [0], q2: [0, 1, 3], q3: [1] },
      }),
    )
    expect(v.audience).toEqual({ scope: 'branches', branchIds: ['b-yunwei'] })
    expect(v.minStudyMinutes).toBe(5)
    expect(v.bodyText).toBe('# 抢修一线的党员突击队\n今年入夏以来，突击队累计完成抢修任务一百余次。')
    expect(v.images).toEqual([IMAGE_ID])
    expect(v.quiz?.questions.map((q) => q.answer)).toEqual([[0], [0, 1, 3], [1]])
  })
})
