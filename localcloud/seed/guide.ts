import { chinaDay } from '../../domain/checkins'
import { defaultGuideContent, describeGuideChange } from '../../domain/guide'
import type {
  GuideContent,
  Person,
  Project,
  ProposalGuide,
  SurveyProblem,
  SurveyRound,
} from '../../types/entities'

/** The demo's 选题 year: its projects are 2026's. */
export const DEMO_GUIDE_YEAR = 2026

const DAY = 24 * 3600 * 1000

type DemoProblem = [id: string, branchId: string, field: SurveyProblem['field'], text: string, key: boolean]

// The article's grassroots problems, as branches would write them.
const PROBLEMS: DemoProblem[] = [
  ['sp-demo-1', 'b-yunwei', 'efficiency', '党建与业务“两张皮”，一手软一手硬，施工现场党员作用看不见', true],
  ['sp-demo-2', 'b-anzhi', 'safety', '班组安全思想教育形式单一，认识不到位，违章屡禁不止', true],
  ['sp-demo-3', 'b-chengqu', 'harmony', '城区故障报修响应慢，群众等不及修', true],
  ['sp-demo-4', 'b-renzi', 'team', '青年员工成长通道窄，党员人才培养操作性不强', true],
  ['sp-demo-5', 'b-yingxiao', 'innovation', '党建活动载体少，创新创效缺少抓手', false],
  ['sp-demo-6', 'b-diaokong', 'efficiency', '党建和业务两张皮，抓党建就是开会学习', false],
]

/** Which demo projects take up which key problem (a proposal that went to the committee). */
const LINKS: Record<string, string[]> = {
  'prj-001': ['sp-demo-1'],
  'prj-003': ['sp-demo-2'],
  'prj-004': ['sp-demo-4'],
  'prj-011': ['sp-demo-3'],
}

export interface DemoGuide {
  round: SurveyRound
  problems: SurveyProblem[]
  guide: ProposalGuide
}

/**
 * The 2026 选题: a closed 大调研 with key problems (one duplicate merged), and a published 选题指南. Its window
 * opened on 5 January and closed on 31 March, then was extended to 60 days after the demo was loaded, so the
 * demo's drafts can still be sent whatever day it is loaded (the history shows the extension).
 */
export function buildDemoGuide(people: Person[], projects: Project[], now: Date): DemoGuide {
  const committee = people.find((p) => p.grants.some((g) => g.role === 'committee'))
  if (!committee) throw new Error('the demo has no committee member')
  const opened = new Date(Date.UTC(DEMO_GUIDE_YEAR, 0, 2))
  const members = (branchId: string) => people.filter((p) => p.branchId === branchId && p.grants.length === 1)
  const branchName = (branchId: string) =>
    projects.find((p) => p.branchId === branchId)?.branchName ?? branchId
  const problems: SurveyProblem[] = PROBLEMS.map(([id, branchId, field, text, key], i) => {
    const [author, ...others] = members(branchId)
    const endorsers = people
      .filter((p) => p._id !== author._id && p.grants.length === 1)
      .slice(i * 3, i * 3 + 9 - i)
      .map((p) => p._id)
    return {
      _id: id,
      year: DEMO_GUIDE_YEAR,
      text,
      field,
      branchId,
      branchName: branchName(branchId),
      authorId: author._id,
      authorName: author.name,
      endorsers: [...new Set([...endorsers, ...others.slice(0, 1).map((p) => p._id)])],
      key,
      mergedInto: null,
      merged: [],
      createdAt: new Date(opened.getTime() + (i + 1) * DAY),
    }
  })
  // The 调控中心's 两张皮 is the 运维部's: merged into it, its author counted there.
  const dup = problems[5]
  const target = problems[0]
  dup.mergedInto = target._id
  target.merged = [{ id: dup._id, text: dup.text, branchName: dup.branchName }]
  target.endorsers = [...new Set([...target.endorsers, dup.authorId, ...dup.endorsers])]

  for (const p of projects) if (LINKS[p._id]) p.problemIds = LINKS[p._id]

  const first: GuideContent = {
    ...defaultGuideContent(DEMO_GUIDE_YEAR),
    focusFields: ['safety', 'efficiency', 'harmony'],
    focus:
      '以问题为导向，围绕调研梳理的重点问题选题：破解党建与业务“两张皮”，把党员作用发挥在安全生产和优质服务一线，每个项目破解一类难题。',
    opensOn: `${DEMO_GUIDE_YEAR}-01-05`,
    deadline: `${DEMO_GUIDE_YEAR}-03-31`,
  }
  const later = chinaDay(new Date(now.getTime() + 60 * DAY))
  const firstAt = new Date(Date.UTC(DEMO_GUIDE_YEAR, 0, 5, 2))
  const history = [
    { ...first, at: firstAt, byName: committee.name, summary: describeGuideChange(null, first) },
  ]
  let content = first
  if (later > first.deadline) {
    content = { ...first, deadline: later }
    history.push({
      ...content,
      at: new Date(now.getTime() - DAY),
      byName: committee.name,
      summary: describeGuideChange(first, content),
    })
  }
  return {
    round: {
      _id: `survey-${DEMO_GUIDE_YEAR}`,
      year: DEMO_GUIDE_YEAR,
      open: false,
      openedBy: committee._id,
      openedAt: opened,
      closedAt: new Date(Date.UTC(DEMO_GUIDE_YEAR, 0, 4)),
    },
    problems,
    guide: {
      _id: `guide-${DEMO_GUIDE_YEAR}`,
      year: DEMO_GUIDE_YEAR,
      ...content,
      published: true,
      publishedAt: firstAt,
      updatedBy: committee._id,
      updatedAt: history[history.length - 1].at,
      history,
      remindedOn: {},
    },
  }
}
