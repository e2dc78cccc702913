import { describeMissing, missingProposalFields, PROPOSAL_LABELS } from '../proposal'

const complete = {
  title: '党员“1+N”安全帮扶法',
  category: 'innovation' as const,
  slogan: '一名党员帮带N名职工',
  problem: '班组“习惯性违章”屡禁不止',
  answers: {
    what: '结对帮带',
    why: '违章屡禁不止',
    who: '党员',
    how: '随班作业',
    when: '全年',
    extent: '违章减半',
  },
}

describe('missingProposalFields', () => {
  it('finds nothing missing in a complete proposal', () => {
    expect(missingProposalFields(complete)).toEqual([])
    expect(describeMissing([])).toBe('')
  })

  it('lists every empty field in form order, with its label and payload path', () => {
    const missing = missingProposalFields({ title: '项目', answers: { why: '原因' } })
    expect(missing.map((m) => m.label)).toEqual([
      '项目类别',
      '口号',
      '问题导向（要解决的问题）',
      '做什么',
      '谁来做',
      '怎么做',
      '何时做',
      '做到什么程度',
    ])
    expect(missing.map((m) => m.path)).toEqual([
      'category',
      'slogan',
      'problem',
      'answers.what',
      'answers.who',
      'answers.how',
      'answers.when',
      'answers.extent',
    ])
  })

  it('treats whitespace as empty', () => {
    const missing = missingProposalFields({
      ...complete,
      slogan: '   ',
      answers: { ...complete.answers, how: '\n' },
    })
    expect(missing.map((m) => m.field)).toEqual(['slogan', 'how'])
  })

  it('says in Chinese exactly which fields are missing', () => {
    const missing = missingProposalFields({
      ...complete,
      title: '',
      answers: { ...complete.answers, when: '' },
    })
    expect(describeMissing(missing)).toBe('还需填写：项目名称、何时做')
  })

  it('labels the six answers as the article asks them', () => {
    expect([
      PROPOSAL_LABELS.what,
      PROPOSAL_LABELS.why,
      PROPOSAL_LABELS.who,
      PROPOSAL_LABELS.how,
      PROPOSAL_LABELS.when,
      PROPOSAL_LABELS.extent,
    ]).toEqual(['做什么', '为什么做', '谁来做', '怎么做', '何时做', '做到什么程度'])
  })
})
