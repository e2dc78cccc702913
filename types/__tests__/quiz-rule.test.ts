import { QUIZ_LIMITS, type QuizQuestionDraft, quizIssues } from '../entities-community'
import { lecturesSchemas } from '../functions/lectures'

const question = (overrides: Partial<QuizQuestionDraft> = {}): QuizQuestionDraft => ({
  kind: 'single',
  text: '发现违章行为时应当？',
  options: ['事后再说', '当场纠正', '视而不见'],
  answer: [1],
  ...overrides,
})

/** What the request schema says of a quiz, as the router reports it (dotted paths). */
function schemaIssues(questions: QuizQuestionDraft[]) {
  const parsed = lecturesSchemas.saveDraft.safeParse({ quiz: { questions } })
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

const cases: [string, QuizQuestionDraft[], [string, string][]][] = [
  ['a finished single-choice question', [question()], []],
  ['a multiple-choice question with two answers', [question({ kind: 'multiple', answer: [0, 2] })], []],
  [
    'text padded with spaces, within the limit once trimmed',
    [question({ text: ` ${'题'.repeat(200)} ` })],
    [],
  ],
  ['no questions', [], [['questions', '至少 1 道题']]],
  [
    'eleven questions',
    Array.from({ length: QUIZ_LIMITS.questions + 1 }, () => question()),
    [['questions', '最多 10 道题']],
  ],
  ['empty text', [question({ text: '   ' })], [['questions.0.text', '请填写题目']]],
  ['invisible text', [question({ text: '\u200B\u3000\u200D' })], [['questions.0.text', '请填写题目']]],
  ['text too long', [question({ text: '题'.repeat(201) })], [['questions.0.text', '题目不能超过 200 个字']]],
  ['one option', [question({ options: ['甲'], answer: [0] })], [['questions.0.options', '至少 2 个选项']]],
  [
    'seven options',
    [question({ options: ['甲', '乙', '丙', '丁', '戊', '己', '庚'], answer: [0] })],
    [['questions.0.options', '最多 6 个选项']],
  ],
  [
    'an empty option',
    [question({ options: ['甲', ' ', '丙'] })],
    [['questions.0.options.1', '选项不能为空']],
  ],
  [
    'an option too long',
    [question({ options: ['甲', '乙'.repeat(101)], answer: [0] })],
    [['questions.0.options.1', '选项不能超过 100 个字']],
  ],
  ['no answer', [question({ answer: [] })], [['questions.0.answer', '请设置正确答案']]],
  [
    'two answers to a single choice',
    [question({ answer: [0, 1] })],
    [['questions.0.answer', '单选题只有一个正确答案']],
  ],
  ['an answer past the options', [question({ answer: [3] })], [['questions.0.answer', '正确答案不在选项中']]],
  ['a negative answer', [question({ answer: [-1] })], [['questions.0.answer', '正确答案不在选项中']]],
  [
    'the same answer twice',
    [question({ kind: 'multiple', answer: [1, 1] })],
    [['questions.0.answer', '答案重复']],
  ],
  [
    'several problems in the second question',
    [question(), question({ text: '', options: ['甲', ''], answer: [] })],
    [
      ['questions.1.text', '请填写题目'],
      ['questions.1.options.1', '选项不能为空'],
      ['questions.1.answer', '请设置正确答案'],
    ],
  ],
]

describe('the quiz rule', () => {
  it.each(cases)('%s', (_what, questions, expected) => {
    const said = expected.map(([path, message]) => ({ path, message }))
    expect(quizIssues({ questions }).map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual(
      said,
    )
    // The request says the same, from the quiz down.
    expect(schemaIssues(questions)).toEqual(said.map((i) => ({ ...i, path: `quiz.${i.path}` })))
  })

  it('saves question text and options trimmed', () => {
    const parsed = lecturesSchemas.saveDraft.parse({
      quiz: { questions: [question({ text: ' 题 ', options: [' 甲 ', '乙 '], answer: [0] })] },
    })
    expect(parsed.quiz?.questions[0]).toMatchObject({ text: '题', options: ['甲', '乙'] })
  })

  it('leaves the shape to the schema: a fractional answer is refused before the rule runs', () => {
    expect(schemaIssues([question({ answer: [0.5] })]).map((i) => i.path)).toEqual([
      'quiz.questions.0.answer.0',
    ])
  })
})
