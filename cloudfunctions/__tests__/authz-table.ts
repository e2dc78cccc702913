import { createHash } from 'node:crypto'
import { chinaDay } from '../../domain/checkins'
import { formatDay } from '../../domain/dates'
import type { TestCloud } from '../../localcloud/testing'
import type { RoleGrant } from '../../types/entities'
import type { Result } from '../../types/result'

/**
 * The authorisation matrix's table: for every action of every cloud function, a valid payload per resource
 * scope and the outcome each role must get. `authz-matrix.test.ts` walks `schemas` (types/api.ts) and fails
 * naming any action that has no entry here; `bad-input.test.ts` mutates these payloads.
 *
 * Roles. The member and the secretary belong to 运维部 (b-yunwei), the other secretary to 营销部 (b-yingxiao):
 *   member p005 (group b-yunwei-g2, on task t2 of prj-001, owner of milestone prj-001-m4), secretary p001,
 *   otherSecretary p008, committee p057, public = a WeChat user registered nowhere, signedOut = no session.
 * Scopes. `own` = 运维部's resource (the member's own where that matters), `other` = 营销部's, `self` = the
 *   caller's own things (messages, figures) with no branch; a few entries add named edge scopes.
 */
export const ROLES = ['member', 'secretary', 'otherSecretary', 'committee', 'public', 'signedOut'] as const
export type Role = (typeof ROLES)[number]

export const PEOPLE: Record<'member' | 'secretary' | 'otherSecretary' | 'committee', string> = {
  member: 'p005',
  secretary: 'p001',
  otherSecretary: 'p008',
  committee: 'p057',
}

/**
 * ok: must succeed. refused: let through by permission, refused by a domain rule (CONFLICT / INVALID_INPUT).
 * denied: FORBIDDEN. hidden: NOT_FOUND (the item does not exist for this caller). unregistered:
 * NOT_REGISTERED. unauthenticated: UNAUTHENTICATED.
 */
export type Outcome = 'ok' | 'refused' | 'denied' | 'hidden' | 'unregistered' | 'unauthenticated'

/** Outcomes that must never be a success. */
export const DENIALS: readonly Outcome[] = ['denied', 'hidden', 'unregistered', 'unauthenticated']

/** The 调研 round the table's survey actions use (a fixed year: the actions take it in the payload). */
const SURVEY_YEAR = 2030

export type Cell = Outcome | Readonly<Record<string, Outcome>>

export type Payload = Record<string, unknown> | ((f: Fixtures) => Record<string, unknown>)

export interface Entry {
  payloads: Readonly<Record<string, Payload>>
  /** Why this action writes even when it refuses (e.g. counting wrong invite codes against brute force). */
  writesOnRefusal?: string
  /** Public defaults to `unregistered` and signedOut to `unauthenticated`. */
  expect: Readonly<Record<'member' | 'secretary' | 'otherSecretary' | 'committee', Cell>> &
    Partial<Readonly<Record<'public' | 'signedOut', Cell>>>
}

/** Ids made by `prepareFixtures` (documents the seed lacks, in both branches). */
export interface Fixtures {
  draft: { own: string; other: string }
  submitted: { own: string; other: string }
  approved: { own: string; other: string }
  acceptanceRequested: { own: string; other: string }
  plan: { own: Record<string, unknown>; other: Record<string, unknown> }
  lecture: { ownDraft: string; otherDraft: string; otherPublished: string }
  notice: { own: string; other: string }
  message: { own: string; other: string }
  unbound: { own: string; other: string }
  inviteCode: string
  spotCheck: { own: string; other: string }
  rectification: { open: { own: string; other: string }; done: { own: string; other: string } }
  /** 督导记录 by the committee member, each with follow-up f1 owned by p005 (own) or p008 (other). */
  record: { own: string; other: string }
  topTen: string[]
  deadline: string
  /** A 调研 problem of the open round SURVEY_YEAR, submitted by the other secretary (p008). */
  problem: string
  /** A project of the seed's confirmed 2025 十佳 (经验交流). */
  showcased: string
  /** Check-ins of the member (one to edit, one to withdraw) and of a 营销部 member (p011). */
  checkin: { edit: string; withdraw: string; other: string }
  /** A waiting 管理台账 export job of each branch's project, made by that branch's secretary (p001 / p008). */
  ledgerJob: { own: string; other: string }
  /** A large merge's job (调控中心 into 机关) waiting for its run, as `org.mergeUnits` leaves one. */
  mergeJob: string
}

/** The outcome a role gets in a scope. */
export function expected(entry: Entry, role: Role, scope: string): Outcome {
  const cell: Cell | undefined =
    entry.expect[role] ??
    (role === 'public' ? 'unregistered' : role === 'signedOut' ? 'unauthenticated' : undefined)
  if (cell === undefined) throw new Error(`no expectation for ${role}`)
  if (typeof cell === 'string') return cell
  const outcome = cell[scope]
  if (!outcome) throw new Error(`no expectation for ${role} in scope ${scope}`)
  return outcome
}

export const payloadOf = (p: Payload, f: Fixtures): Record<string, unknown> =>
  typeof p === 'function' ? p(f) : p

// ---- expectation shapes --------------------------------------------------------------------------------

type Four = Entry['expect']
const everyone = (o: Cell): Four => ({ member: o, secretary: o, otherSecretary: o, committee: o })
const byScope = (own: Outcome, other: Outcome) => ({ own, other })
/** The caller's own things: every registered person. */
const SELF = everyone('ok')
/** Read by the branch's people and the committee. */
const BRANCH_READ: Four = {
  member: byScope('ok', 'denied'),
  secretary: byScope('ok', 'denied'),
  otherSecretary: byScope('denied', 'ok'),
  committee: 'ok',
}
/** A step the branch secretary takes. */
const SECRETARY_STEP: Four = {
  member: 'denied',
  secretary: byScope('ok', 'denied'),
  otherSecretary: byScope('denied', 'ok'),
  committee: 'denied',
}
/** A decision of the committee. */
const COMMITTEE_STEP: Four = {
  member: 'denied',
  secretary: 'denied',
  otherSecretary: 'denied',
  committee: 'ok',
}
/** Inside a Party group: its members and its branch secretary, not the committee. */
const IN_GROUP: Four = { ...BRANCH_READ, committee: 'denied' }
/** Leading a group: the branch secretary (p005 leads no group). */
const LEADS_GROUP: Four = { ...SECRETARY_STEP }
/** Managing a lecture: the publishing branch's secretary and the committee. */
const MANAGES: Four = { ...SECRETARY_STEP, committee: 'ok' }
/** Something its maker alone reads (own = made by the secretary, other = by the other secretary). */
const MADE_BY: Four = {
  member: 'denied',
  secretary: { own: 'ok', other: 'hidden' },
  otherSecretary: { own: 'hidden', other: 'ok' },
  committee: 'hidden',
}
/** Studying a branch lecture: the branch's people; p057 belongs to 机关, so not the committee here. */
const STUDIES: Four = { ...BRANCH_READ, committee: 'denied' }

/** 四公开 pages: running projects for anyone, a draft for nobody. */
const PUBLIC_PAGE: Cell = { own: 'ok', other: 'ok', hidden: 'hidden' }

const OWN = 'b-yunwei'
const OTHER = 'b-yingxiao'
const TEXT = '带领班组完成现场勘查，落实安全措施。'
const RECORD = {
  method: 'phone',
  get date() {
    return chinaDay(new Date())
  },
  contactName: '支部书记',
  findings: '项目推进正常',
}

// ---- the table -----------------------------------------------------------------------------------------

export const TABLE: Record<string, Record<string, Entry>> = {
  org: {
    whoami: { payloads: { self: {} }, expect: SELF },
    listBranches: { payloads: { self: {} }, expect: SELF },
    search: { payloads: { self: { q: '党员' } }, expect: SELF },
    listMembers: { payloads: { own: { branchId: OWN }, other: { branchId: OTHER } }, expect: BRANCH_READ },
    importRoster: {
      payloads: {
        self: {
          rows: [
            { row: 2, name: '赵立新', phone: '13900009999', branch: '运维部党支部', title: '运维检修工' },
          ],
        },
      },
      expect: COMMITTEE_STEP,
    },
    createInvite: {
      payloads: {
        own: (f) => ({ personId: f.unbound.own }),
        other: (f) => ({ personId: f.unbound.other }),
        ownBound: { personId: 'p002' },
      },
      expect: {
        member: 'denied',
        secretary: { own: 'ok', other: 'denied', ownBound: 'refused' },
        otherSecretary: { own: 'denied', other: 'ok', ownBound: 'denied' },
        committee: { own: 'ok', other: 'ok', ownBound: 'refused' },
      },
    },
    // 组织管理: the committee alone (each case starts from the same database, so a merge is undone after it).
    orgTree: { payloads: { self: {} }, expect: COMMITTEE_STEP },
    reindexSearch: { payloads: { self: { kind: 'project' } }, expect: COMMITTEE_STEP },
    auditLog: { payloads: { self: {} }, expect: COMMITTEE_STEP },
    createUnit: {
      payloads: { self: { kind: 'branch', name: '矩阵测试党支部', parentId: 'u-committee' } },
      expect: COMMITTEE_STEP,
    },
    renameUnit: { payloads: { self: { unitId: OWN, name: '运维检修部党支部' } }, expect: COMMITTEE_STEP },
    moveUnit: { payloads: { self: { unitId: OWN, parentId: 'g-gongdiansuo' } }, expect: COMMITTEE_STEP },
    mergeUnits: { payloads: { self: { fromId: 'b-renzi', intoId: 'b-anzhi' } }, expect: COMMITTEE_STEP },
    mergeJob: { payloads: { self: (f) => ({ jobId: f.mergeJob }) }, expect: COMMITTEE_STEP },
    runMergeJob: { payloads: { self: (f) => ({ jobId: f.mergeJob }) }, expect: COMMITTEE_STEP },
    createGroup: { payloads: { self: { branchId: OWN, name: '矩阵测试党小组' } }, expect: COMMITTEE_STEP },
    renameGroup: {
      payloads: { self: { groupId: `${OWN}-g1`, name: '运维部先锋党小组' } },
      expect: COMMITTEE_STEP,
    },
    moveGroup: { payloads: { self: { groupId: `${OWN}-g2`, branchId: OTHER } }, expect: COMMITTEE_STEP },
    mergeGroups: {
      payloads: { self: { fromId: `${OWN}-g2`, intoId: `${OWN}-g1` } },
      expect: COMMITTEE_STEP,
    },
    setSecretary: { payloads: { self: { branchId: OWN, personId: 'p005' } }, expect: COMMITTEE_STEP },
    setGroupLeader: {
      payloads: { self: { groupId: `${OWN}-g2`, personId: 'p005' } },
      expect: COMMITTEE_STEP,
    },
    movePerson: { payloads: { self: { personId: 'p005', branchId: OTHER } }, expect: COMMITTEE_STEP },
    // An unregistered WeChat user binds themselves with their secretary's code; the registered have nothing to bind.
    bindInvite: {
      payloads: { own: (f) => ({ code: f.inviteCode }), wrong: { code: 'ZZZZ-9999' } },
      writesOnRefusal:
        'a wrong code counts against the WeChat user (five an hour), or codes could be guessed',
      expect: {
        ...everyone('refused'),
        public: { own: 'ok', wrong: 'hidden' },
      },
    },
  },
  projects: {
    list: {
      payloads: { self: {}, own: { branchId: OWN }, other: { branchId: OTHER } },
      expect: {
        member: { self: 'ok', own: 'ok', other: 'denied' },
        secretary: { self: 'ok', own: 'ok', other: 'denied' },
        otherSecretary: { self: 'ok', own: 'denied', other: 'ok' },
        committee: 'ok',
      },
    },
    get: { payloads: { own: { id: 'prj-001' }, other: { id: 'prj-002' } }, expect: BRANCH_READ },
    saveDraft: {
      payloads: {
        own: (f) => ({ id: f.draft.own, slogan: '党员带头，一票直达' }),
        other: (f) => ({ id: f.draft.other, slogan: '党员带头，一票直达' }),
        ownNew: { branchId: OWN, title: '党员服务队进社区' },
        otherNew: { branchId: OTHER, title: '党员服务队进社区' },
      },
      expect: {
        member: 'denied',
        secretary: { own: 'ok', other: 'denied', ownNew: 'ok', otherNew: 'denied' },
        otherSecretary: { own: 'denied', other: 'ok', ownNew: 'denied', otherNew: 'ok' },
        committee: 'denied',
      },
    },
    submit: {
      payloads: { own: (f) => ({ id: f.draft.own }), other: (f) => ({ id: f.draft.other }) },
      expect: SECRETARY_STEP,
    },
    withdraw: {
      payloads: { own: (f) => ({ id: f.submitted.own }), other: (f) => ({ id: f.submitted.other }) },
      expect: SECRETARY_STEP,
    },
    approve: {
      payloads: { own: (f) => ({ id: f.submitted.own }), other: (f) => ({ id: f.submitted.other }) },
      expect: COMMITTEE_STEP,
    },
    return: {
      payloads: {
        own: (f) => ({ id: f.submitted.own, comment: '请补充问题导向' }),
        other: (f) => ({ id: f.submitted.other, comment: '请补充问题导向' }),
      },
      expect: COMMITTEE_STEP,
    },
    savePlan: { payloads: { own: (f) => f.plan.own, other: (f) => f.plan.other }, expect: SECRETARY_STEP },
    start: {
      payloads: { own: (f) => ({ id: f.approved.own }), other: (f) => ({ id: f.approved.other }) },
      expect: SECRETARY_STEP,
    },
    requestAcceptance: {
      payloads: {
        own: { id: 'prj-001', summary: '全程负责制落实到位', evidence: [] },
        other: { id: 'prj-002', summary: '全程负责制落实到位', evidence: [] },
      },
      expect: SECRETARY_STEP,
    },
    accept: {
      payloads: {
        own: (f) => ({
          id: f.acceptanceRequested.own,
          scores: { measures: 25, plan: 25, effect: 20, innovation: 10 },
        }),
        other: (f) => ({
          id: f.acceptanceRequested.other,
          scores: { measures: 25, plan: 25, effect: 20, innovation: 10 },
        }),
      },
      expect: COMMITTEE_STEP,
    },
    returnAcceptance: {
      payloads: {
        own: (f) => ({ id: f.acceptanceRequested.own, comment: '佐证材料不足' }),
        other: (f) => ({ id: f.acceptanceRequested.other, comment: '佐证材料不足' }),
      },
      expect: COMMITTEE_STEP,
    },
    recordAcceptanceMethod: {
      payloads: {
        own: (f) => ({ id: f.acceptanceRequested.own, method: 'site_visit', notes: '察看现场' }),
        other: (f) => ({
          id: f.acceptanceRequested.other,
          method: 'survey',
          notes: '走访班组',
          visited: 8,
          opinion: '认可',
        }),
      },
      expect: COMMITTEE_STEP,
    },
    archive: { payloads: { own: { id: 'prj-009' }, other: { id: 'prj-008' } }, expect: COMMITTEE_STEP },
    // 四公开: anyone, registered or not, reads a running project's page and rates it; a draft is hidden.
    publicGet: {
      payloads: { own: { id: 'prj-001' }, other: { id: 'prj-002' }, hidden: (f) => ({ id: f.draft.own }) },
      expect: { ...everyone(PUBLIC_PAGE), public: PUBLIC_PAGE },
    },
    posterCode: {
      payloads: { own: { id: 'prj-001' }, other: { id: 'prj-002' } },
      expect: MANAGES,
    },
    // 群众满意度: the masses rate a project in its 四公开 window (prj-009 and prj-008 were accepted days ago);
    // no Party member rates, of any branch; a running project takes no rating yet.
    rate: {
      payloads: {
        own: { id: 'prj-009', score: 5, comment: '服务很及时' },
        other: { id: 'prj-008', score: 4 },
        running: { id: 'prj-001', score: 5 },
        hidden: (f) => ({ id: f.draft.own, score: 5 }),
      },
      expect: {
        ...everyone('denied'),
        public: { own: 'ok', other: 'ok', running: 'refused', hidden: 'hidden' },
      },
    },
    // 大调研: everyone registered reads it and submits a problem of their branch; the committee opens it and
    // curates; +1 by anyone but the problem's author (p008).
    survey: { payloads: { self: { year: SURVEY_YEAR } }, expect: SELF },
    setSurvey: { payloads: { own: { year: SURVEY_YEAR + 1, open: true } }, expect: COMMITTEE_STEP },
    submitProblem: {
      payloads: { self: { year: SURVEY_YEAR, text: '学习教育流于形式', field: 'team' } },
      expect: SELF,
    },
    endorseProblem: {
      payloads: { own: (f) => ({ id: f.problem }) },
      expect: { ...everyone('ok'), otherSecretary: 'refused' },
    },
    curateProblem: { payloads: { own: (f) => ({ id: f.problem, key: true }) }, expect: COMMITTEE_STEP },
    // 经验交流: every registered person reads the 十佳; a secretary 借鉴s one into a draft of their own branch
    // (any showcased project, of any branch), never a project that was not a 十佳.
    showcase: { payloads: { self: {} }, expect: SELF },
    borrow: {
      payloads: { self: (f) => ({ id: f.showcased }), notShown: { id: 'prj-001' } },
      expect: {
        member: 'denied',
        secretary: { self: 'ok', notShown: 'hidden' },
        otherSecretary: { self: 'ok', notShown: 'hidden' },
        committee: 'denied',
      },
    },
    // 选题指南: everyone registered reads the year's guide (the seed publishes 2026's); the committee writes it and
    // reminds the branches that have not proposed (城区供电所 in 2026).
    guide: { payloads: { self: { year: 2026 } }, expect: SELF },
    saveGuide: {
      payloads: {
        own: {
          year: SURVEY_YEAR,
          categories: [{ id: 'basic', label: '基础规范项目', note: '' }],
          focusFields: ['team'],
          focus: '',
          opensOn: `${SURVEY_YEAR}-01-05`,
          deadline: `${SURVEY_YEAR}-03-31`,
          publish: true,
        },
      },
      expect: COMMITTEE_STEP,
    },
    remindProposals: { payloads: { own: { year: 2026 } }, expect: COMMITTEE_STEP },
  },
  checkins: {
    myTasks: { payloads: { self: {} }, expect: SELF },
    create: {
      payloads: {
        own: { requestId: 'authz-own-0001', projectId: 'prj-001', taskId: 't2', text: TEXT },
        ownOthersTask: { requestId: 'authz-own-0002', projectId: 'prj-001', taskId: 't1', text: TEXT },
        other: { requestId: 'authz-other-001', projectId: 'prj-002', taskId: 't2', text: TEXT },
      },
      // Only a task's assignees and milestone owners record on it: p005 is on t2 of prj-001, nobody else here.
      expect: {
        member: { own: 'ok', ownOthersTask: 'denied', other: 'denied' },
        ...omitMember(everyone('denied')),
      },
    },
    history: { payloads: { self: {} }, expect: SELF },
    myStats: { payloads: { self: {} }, expect: SELF },
    submitMilestone: {
      payloads: {
        own: { id: 'prj-001-m4', description: '一票直达已在全部班组推行' },
        ownOthers: { id: 'prj-001-m3', description: '一票直达已在全部班组推行' },
        other: { id: 'prj-002-m4', description: '一票直达已在全部班组推行' },
      },
      // Only the milestone's owner submits it.
      expect: {
        member: { own: 'ok', ownOthers: 'denied', other: 'denied' },
        ...omitMember(everyone('denied')),
      },
    },
    inbox: { payloads: { self: {} }, expect: SELF },
    inboxCount: { payloads: { self: {} }, expect: SELF },
    getSubmission: {
      payloads: { own: { id: 'prj-001-m3' }, other: { id: 'prj-002-m3' } },
      expect: BRANCH_READ,
    },
    approveMilestone: {
      payloads: { own: { id: 'prj-001-m3' }, other: { id: 'prj-002-m3' } },
      expect: { ...SECRETARY_STEP, committee: 'ok' },
    },
    returnMilestone: {
      payloads: {
        own: { id: 'prj-001-m3', comment: '请补充照片' },
        other: { id: 'prj-002-m3', comment: '请补充照片' },
      },
      expect: { ...SECRETARY_STEP, committee: 'ok' },
    },
    // Only the author corrects a check-in: own = the member's, other = a 营销部 member's (p011).
    editCheckin: {
      payloads: {
        own: (f) => ({ id: f.checkin.edit, text: '更正：带领班组完成现场勘查' }),
        other: (f) => ({ id: f.checkin.other, text: '更正：带领班组完成现场勘查' }),
      },
      expect: { member: byScope('ok', 'denied'), ...omitMember(everyone('denied')) },
    },
    withdrawCheckin: {
      payloads: { own: (f) => ({ id: f.checkin.withdraw }), other: (f) => ({ id: f.checkin.other }) },
      expect: { member: byScope('ok', 'denied'), ...omitMember(everyone('denied')) },
    },
  },
  groups: {
    myGroups: { payloads: { self: {} }, expect: SELF },
    feed: {
      payloads: { own: { groupId: `${OWN}-g2` }, other: { groupId: `${OTHER}-g2` } },
      expect: IN_GROUP,
    },
    post: {
      payloads: {
        own: { groupId: `${OWN}-g2`, requestId: 'authz-post-own', text: TEXT },
        other: { groupId: `${OTHER}-g2`, requestId: 'authz-post-other', text: TEXT },
        ownNotice: { groupId: `${OWN}-g2`, requestId: 'authz-notice-own', kind: 'announcement', text: TEXT },
      },
      expect: {
        member: { own: 'ok', other: 'denied', ownNotice: 'denied' },
        secretary: { own: 'ok', other: 'denied', ownNotice: 'ok' },
        otherSecretary: { own: 'denied', other: 'ok', ownNotice: 'denied' },
        committee: 'denied',
      },
    },
    comment: {
      payloads: {
        own: { postId: `gp-demo-${OWN}-g2-1`, requestId: 'authz-comment-own', text: '点赞！' },
        other: { postId: `gp-demo-${OTHER}-g2-1`, requestId: 'authz-comment-other', text: '点赞！' },
      },
      expect: IN_GROUP,
    },
    comments: {
      payloads: { own: { postId: `gp-demo-${OWN}-g2-1` }, other: { postId: `gp-demo-${OTHER}-g2-1` } },
      expect: IN_GROUP,
    },
    withdraw: {
      payloads: {
        own: { postId: `gp-demo-${OWN}-g2-3` },
        ownOthers: { postId: `gp-demo-${OWN}-g2-1` },
        other: { postId: `gp-demo-${OTHER}-g2-1` },
      },
      // Its author (p005 wrote g2-3) or the branch secretary.
      expect: {
        member: { own: 'ok', ownOthers: 'denied', other: 'denied' },
        secretary: { own: 'ok', ownOthers: 'ok', other: 'denied' },
        otherSecretary: { own: 'denied', ownOthers: 'denied', other: 'ok' },
        committee: 'denied',
      },
    },
    get: {
      payloads: { own: { postId: `gp-demo-${OWN}-g2-1` }, other: { postId: `gp-demo-${OTHER}-g2-1` } },
      expect: IN_GROUP,
    },
    pin: {
      payloads: { own: (f) => ({ postId: f.notice.own }), other: (f) => ({ postId: f.notice.other }) },
      expect: LEADS_GROUP,
    },
    unpin: {
      payloads: { own: { postId: `gp-demo-${OWN}-g2-0` }, other: { postId: `gp-demo-${OTHER}-g2-0` } },
      expect: LEADS_GROUP,
    },
    markRead: {
      payloads: { own: { postId: `gp-demo-${OWN}-g2-0` }, other: { postId: `gp-demo-${OTHER}-g2-0` } },
      expect: IN_GROUP,
    },
    readers: {
      payloads: { own: { postId: `gp-demo-${OWN}-g2-0` }, other: { postId: `gp-demo-${OTHER}-g2-0` } },
      expect: LEADS_GROUP,
    },
    remindUnread: {
      payloads: { own: { postId: `gp-demo-${OWN}-g2-0` }, other: { postId: `gp-demo-${OTHER}-g2-0` } },
      expect: LEADS_GROUP,
    },
    roster: {
      payloads: { own: { groupId: `${OWN}-g2` }, other: { groupId: `${OTHER}-g2` } },
      expect: IN_GROUP,
    },
    groupProjects: {
      payloads: { own: { groupId: `${OWN}-g2` }, other: { groupId: `${OTHER}-g2` } },
      expect: IN_GROUP,
    },
  },
  lectures: {
    list: {
      payloads: { self: {}, manage: { tab: 'manage' } },
      expect: {
        member: { self: 'ok', manage: 'denied' },
        secretary: 'ok',
        otherSecretary: 'ok',
        committee: 'ok',
      },
    },
    get: {
      payloads: {
        company: { id: 'lec-001' },
        own: { id: 'lec-002' },
        other: (f) => ({ id: f.lecture.otherPublished }),
        ownDraft: (f) => ({ id: f.lecture.ownDraft }),
      },
      // Published: its audience and its managers. A draft exists only for its managers.
      expect: {
        member: { company: 'ok', own: 'ok', other: 'denied', ownDraft: 'hidden' },
        secretary: { company: 'ok', own: 'ok', other: 'denied', ownDraft: 'ok' },
        otherSecretary: { company: 'ok', own: 'denied', other: 'ok', ownDraft: 'hidden' },
        committee: 'ok',
      },
    },
    saveDraft: {
      payloads: {
        own: (f) => ({ id: f.lecture.ownDraft, summary: '结合岗位谈安全' }),
        other: (f) => ({ id: f.lecture.otherDraft, summary: '结合岗位谈安全' }),
        ownNew: { branchId: OWN, title: '安全帮扶第二讲' },
      },
      expect: {
        member: { own: 'hidden', other: 'hidden', ownNew: 'denied' },
        secretary: { own: 'ok', other: 'hidden', ownNew: 'ok' },
        otherSecretary: { own: 'hidden', other: 'ok', ownNew: 'denied' },
        committee: 'ok',
      },
    },
    publish: {
      payloads: {
        own: (f) => ({ id: f.lecture.ownDraft }),
        other: (f) => ({ id: f.lecture.otherDraft }),
      },
      expect: {
        member: 'hidden',
        secretary: { own: 'ok', other: 'hidden' },
        otherSecretary: { own: 'hidden', other: 'ok' },
        committee: 'ok',
      },
    },
    withdraw: {
      payloads: { own: { id: 'lec-002' }, other: (f) => ({ id: f.lecture.otherPublished }) },
      expect: MANAGES,
    },
    heartbeat: {
      payloads: {
        company: { lectureId: 'lec-001', sessionId: 'authz-session-1', progress: 0.2, seconds: 15 },
        own: { lectureId: 'lec-002', sessionId: 'authz-session-2', progress: 0.2, seconds: 15 },
        other: (f) => ({
          lectureId: f.lecture.otherPublished,
          sessionId: 'authz-session-3',
          progress: 0.2,
          seconds: 15,
        }),
      },
      expect: {
        member: { company: 'ok', own: 'ok', other: 'denied' },
        secretary: { company: 'ok', own: 'ok', other: 'denied' },
        otherSecretary: { company: 'ok', own: 'denied', other: 'ok' },
        committee: { company: 'ok', own: 'denied', other: 'denied' },
      },
    },
    submitQuiz: {
      payloads: {
        own: { lectureId: 'lec-002', answers: { q1: [0], q2: [0, 1, 3], q3: [1] } },
        other: (f) => ({ lectureId: f.lecture.otherPublished, answers: { q1: [0] } }),
      },
      expect: STUDIES,
    },
    stats: {
      payloads: {
        self: {},
        own: { lectureId: 'lec-002' },
        ownBranch: { branchId: OWN },
        otherBranch: { branchId: OTHER },
      },
      expect: {
        member: { self: 'ok', own: 'denied', ownBranch: 'denied', otherBranch: 'denied' },
        secretary: { self: 'ok', own: 'ok', ownBranch: 'ok', otherBranch: 'denied' },
        otherSecretary: { self: 'ok', own: 'denied', ownBranch: 'denied', otherBranch: 'ok' },
        committee: 'ok',
      },
    },
  },
  dashboard: {
    committee: { payloads: { self: {} }, expect: COMMITTEE_STEP },
    branch: {
      payloads: { self: {}, own: { branchId: OWN }, other: { branchId: OTHER } },
      // A secretary's own branch by default; the committee must name one.
      expect: {
        member: 'denied',
        secretary: { self: 'ok', own: 'ok', other: 'denied' },
        otherSecretary: { self: 'ok', own: 'denied', other: 'ok' },
        committee: { self: 'refused', own: 'ok', other: 'ok' },
      },
    },
    overdue: {
      payloads: { self: {}, own: { branchId: OWN }, other: { branchId: OTHER } },
      expect: {
        member: 'denied',
        secretary: { self: 'ok', own: 'ok', other: 'denied' },
        otherSecretary: { self: 'ok', own: 'denied', other: 'ok' },
        committee: 'ok',
      },
    },
    league: { payloads: { self: {} }, expect: COMMITTEE_STEP },
    refresh: {
      payloads: { self: {} },
      expect: { member: 'denied', secretary: 'ok', otherSecretary: 'ok', committee: 'ok' },
    },
  },
  ledger: {
    preview: {
      payloads: {
        own: { projectId: 'prj-001' },
        other: { projectId: 'prj-002' },
        ownYear: { branchId: OWN, year: 2026 },
      },
      expect: {
        member: 'denied',
        secretary: { own: 'ok', other: 'denied', ownYear: 'ok' },
        otherSecretary: { own: 'denied', other: 'ok', ownYear: 'denied' },
        committee: 'ok',
      },
    },
    export: { payloads: { own: { projectId: 'prj-001' }, other: { projectId: 'prj-002' } }, expect: MANAGES },
    // A job is its maker's alone: anyone else, the committee too, is told there is no such job.
    job: {
      payloads: { own: (f) => ({ jobId: f.ledgerJob.own }), other: (f) => ({ jobId: f.ledgerJob.other }) },
      expect: MADE_BY,
    },
    runJob: {
      payloads: { own: (f) => ({ jobId: f.ledgerJob.own }), other: (f) => ({ jobId: f.ledgerJob.other }) },
      expect: MADE_BY,
    },
  },
  supervision: {
    assignments: { payloads: { self: {} }, expect: COMMITTEE_STEP },
    setAssignment: {
      payloads: { own: { personId: 'p058', branchId: OWN, assigned: true } },
      expect: COMMITTEE_STEP,
    },
    setCadence: {
      // 党建部主任 (p059) supervises four branches in the seed; the year is this China year, at any hour.
      payloads: {
        own: () => ({ personId: 'p059', year: Number(chinaDay(new Date()).slice(0, 4)), cadence: 'monthly' }),
      },
      expect: COMMITTEE_STEP,
    },
    inspectionCoverage: { payloads: { self: {} }, expect: COMMITTEE_STEP },
    myBranches: { payloads: { self: {} }, expect: { ...SELF, member: 'denied' } },
    myRectifications: { payloads: { self: {} }, expect: { ...SELF, member: 'denied' } },
    candidates: { payloads: { self: {}, own: { branchId: OWN } }, expect: COMMITTEE_STEP },
    createSpotCheck: {
      payloads: { own: { requestId: 'authz-draw-own', size: 1, branchId: OWN } },
      expect: COMMITTEE_STEP,
    },
    listSpotChecks: { payloads: { self: {} }, expect: { ...SELF, member: 'denied' } },
    getSpotCheck: {
      payloads: { own: (f) => ({ id: f.spotCheck.own }), other: (f) => ({ id: f.spotCheck.other }) },
      expect: MANAGES,
    },
    verifySpotCheck: {
      payloads: { own: (f) => ({ id: f.spotCheck.own }), other: (f) => ({ id: f.spotCheck.other }) },
      expect: MANAGES,
    },
    recordFinding: {
      payloads: {
        own: (f) => ({ id: f.spotCheck.own, projectId: 'prj-001', conclusion: 'issues', text: '台账不全' }),
        other: (f) => ({
          id: f.spotCheck.other,
          projectId: 'prj-002',
          conclusion: 'meets',
          text: '落实到位',
        }),
      },
      expect: COMMITTEE_STEP,
    },
    addRectification: {
      payloads: {
        own: (f) => ({ id: f.spotCheck.own, projectId: 'prj-001', text: '补齐台账', deadline: f.deadline }),
        other: (f) => ({
          id: f.spotCheck.other,
          projectId: 'prj-002',
          text: '补齐台账',
          deadline: f.deadline,
        }),
      },
      expect: COMMITTEE_STEP,
    },
    completeRectification: {
      payloads: {
        own: (f) => ({ id: f.rectification.open.own, note: '已补齐' }),
        other: (f) => ({ id: f.rectification.open.other, note: '已补齐' }),
      },
      expect: SECRETARY_STEP,
    },
    confirmRectification: {
      payloads: {
        own: (f) => ({ id: f.rectification.done.own }),
        other: (f) => ({ id: f.rectification.done.other }),
      },
      expect: COMMITTEE_STEP,
    },
    reopenRectification: {
      payloads: {
        own: (f) => ({ id: f.rectification.done.own, comment: '照片不清楚' }),
        other: (f) => ({ id: f.rectification.done.other, comment: '照片不清楚' }),
      },
      expect: COMMITTEE_STEP,
    },
    evaluation: { payloads: { self: { year: 2026 } }, expect: COMMITTEE_STEP },
    markTopTen: { payloads: { self: (f) => ({ year: 2026, projectIds: f.topTen }) }, expect: COMMITTEE_STEP },
    // The committee member supervises both branches here (see prepareFixtures).
    createRecord: {
      payloads: {
        own: () => ({ ...RECORD, requestId: 'authz-record-own', branchId: OWN }),
        other: () => ({ ...RECORD, requestId: 'authz-record-other', branchId: OTHER }),
      },
      expect: COMMITTEE_STEP,
    },
    listRecords: {
      payloads: { self: {}, own: { branchId: OWN } },
      expect: {
        member: 'denied',
        secretary: 'ok',
        otherSecretary: { self: 'ok', own: 'denied' },
        committee: 'ok',
      },
    },
    getRecord: {
      payloads: { own: (f) => ({ id: f.record.own }), other: (f) => ({ id: f.record.other }) },
      // The member owns a follow-up of the own record; the other secretary one of the other.
      expect: {
        member: byScope('ok', 'hidden'),
        secretary: byScope('ok', 'hidden'),
        otherSecretary: byScope('hidden', 'ok'),
        committee: 'ok',
      },
    },
    closeFollowUp: {
      payloads: {
        own: (f) => ({ id: f.record.own, followUpId: 'f1', note: '已完成' }),
        other: (f) => ({ id: f.record.other, followUpId: 'f1', note: '已完成' }),
      },
      // Only a follow-up's owner closes it.
      expect: {
        member: byScope('ok', 'denied'),
        secretary: 'denied',
        otherSecretary: byScope('denied', 'ok'),
        committee: 'denied',
      },
    },
  },
  messages: {
    list: { payloads: { self: {} }, expect: SELF },
    unreadCount: { payloads: { self: {} }, expect: SELF },
    markRead: {
      payloads: {
        self: { all: true },
        own: (f) => ({ id: f.message.own }),
        other: (f) => ({ id: f.message.other }),
      },
      // A message is its addressee's alone: anyone else's id is "not found", like an unknown one.
      expect: {
        member: { self: 'ok', own: 'ok', other: 'hidden' },
        ...omitMember(everyone({ self: 'ok', own: 'hidden', other: 'hidden' })),
      },
    },
    getSettings: { payloads: { self: {} }, expect: SELF },
    saveSettings: { payloads: { self: { kinds: { milestone_due: false } } }, expect: SELF },
    grantSubscriptions: { payloads: { self: { templateIds: ['tpl-milestone-deadline'] } }, expect: SELF },
    templates: { payloads: { self: {} }, expect: SELF },
  },
}

function omitMember(four: Four): Omit<Four, 'member'> {
  const { secretary, otherSecretary, committee } = four
  return { secretary, otherSecretary, committee }
}

// ---- fixtures ------------------------------------------------------------------------------------------

type Doc = Record<string, unknown>

/** A copy of a seeded project (and its milestones) under a new id, in another state of the lifecycle. */
function cloneProject(cloud: TestCloud, from: string, id: string, over: Doc): void {
  const project = cloud.db.find('projects', { _id: from })[0]
  const milestones = cloud.db.find('milestones', { projectId: from }, { limit: 100 })
  cloud.db.insertMany('projects', [{ ...project, _id: id, version: 1, ...over }])
  cloud.db.insertMany(
    'milestones',
    milestones.map((m) => ({
      ...m,
      _id: `${id}-${String(m._id).split('-').pop()}`,
      projectId: id,
      status: over.status === 'acceptance_requested' ? 'approved' : 'open',
      submittedBy: null,
      submittedAt: null,
      round: 0,
    })),
  )
}

/** The savePlan payload that stores a project's plan as it is. */
function planOf(cloud: TestCloud, projectId: string): Record<string, unknown> {
  const project = cloud.db.find('projects', { _id: projectId })[0] as {
    tasks: { id: string; title: string; assigneeIds: string[] }[]
    checklist: { id: string; text: string; done: boolean }[]
  }
  const milestones = cloud.db.find('milestones', { projectId }, { sort: { order: 1 }, limit: 100 })
  return {
    id: projectId,
    tasks: project.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      assigneeIds: t.assigneeIds,
      milestones: milestones
        .filter((m) => m.taskId === t.id)
        .map((m) => ({
          id: m._id,
          title: m.title,
          weight: m.weight,
          ownerId: m.ownerId,
          deadline: m.deadline ? formatDay(m.deadline as Date) : null,
          qualityStandard: m.qualityStandard,
          expectedGoal: m.expectedGoal,
        })),
    })),
    checklist: project.checklist.map(({ id, text, done }) => ({ id, text, done })),
  }
}

function must<T>(res: Result<T>, what: string): T {
  if (!res.ok) throw new Error(`fixture ${what}: ${res.code} ${res.message}`)
  return res.data
}

const QUIZ = {
  passMark: 60,
  questions: [{ kind: 'single', text: '帮扶的“1”指？', options: ['一名党员', '一个班组'], answer: [0] }],
}

/**
 * What the seed lacks for the table, in both branches: projects in every state, lectures of 营销部 (a draft
 * and a published one with a quiz) and a draft of 运维部, unpinned announcements, one message each.
 */
async function surveyProblem(cloud: TestCloud, committee: string, by: string): Promise<string> {
  must(await cloud.call(committee, 'projects', 'setSurvey', { year: SURVEY_YEAR, open: true }), 'survey')
  return must(
    await cloud.call(by, 'projects', 'submitProblem', {
      year: SURVEY_YEAR,
      text: '一手软一手硬',
      field: 'team',
    }),
    'problem',
  ).id
}

export async function prepareFixtures(cloud: TestCloud, cookies: Record<string, string>): Promise<Fixtures> {
  const secretaryOf = { own: PEOPLE.secretary, other: PEOPLE.otherSecretary }
  const source = { own: 'prj-001', other: 'prj-002' }
  for (const side of ['own', 'other'] as const) {
    const by = secretaryOf[side]
    cloneProject(cloud, source[side], `authz-draft-${side}`, {
      status: 'draft',
      progress: 0,
      submittedBy: null,
    })
    cloneProject(cloud, source[side], `authz-submitted-${side}`, {
      status: 'submitted',
      progress: 0,
      submittedBy: by,
    })
    cloneProject(cloud, source[side], `authz-approved-${side}`, {
      status: 'approved',
      progress: 0,
      submittedBy: null,
    })
    cloneProject(cloud, source[side], `authz-accreq-${side}`, {
      status: 'acceptance_requested',
      progress: 100,
      submittedBy: by,
      acceptance: { summary: '已完成', evidence: [], requestedBy: by, requestedAt: new Date() },
      // The committee has heard the branch's report: it may accept.
      acceptanceMethods: {
        report: {
          notes: '听取汇报',
          photos: [],
          visited: null,
          opinion: '',
          byId: 'p057',
          byName: '党委',
          at: new Date(),
        },
      },
    })
  }

  const lecture = async (who: string, branchId: string, publish: boolean) => {
    const saved = must(
      await cloud.call(who, 'lectures', 'saveDraft', {
        branchId,
        title: '安全帮扶第一讲',
        speaker: '王建国',
        summary: '一名党员结对帮扶青年员工',
        body: '<p>作业前讲清危险点和控制措施。</p>',
        quiz: QUIZ as never,
      }),
      'lecture draft',
    )
    if (publish) must(await cloud.call(who, 'lectures', 'publish', { id: saved.id }), 'lecture publish')
    return saved.id
  }
  const sec = cookies.secretary
  const otherSec = cookies.otherSecretary
  const notice = async (who: string, groupId: string) =>
    must(
      await cloud.call(who, 'groups', 'post', {
        groupId,
        requestId: `authz-fixture-${groupId}`,
        kind: 'announcement',
        text: '【通知】周五学习安全规程',
        pin: false,
      }),
      'notice',
    ).post.id

  const message = (id: string, personId: string) => ({
    _id: id,
    key: id,
    kind: 'milestone_due',
    personId,
    itemId: 'prj-001-m4',
    title: '里程碑即将到期',
    body: '请按期提交成果',
    page: '/pages/index/index',
    values: {},
    read: false,
    readAt: null,
    createdAt: new Date(),
    templateId: null,
    pushState: 'no_template',
    pushReason: '',
    pushAt: null,
    sweepId: 'authz',
  })
  cloud.db.insertMany('messages', [
    message('authz-msg-own', PEOPLE.member),
    message('authz-msg-other', 'p009'),
  ])

  // Members on the roster who have not bound their WeChat yet, one per branch.
  const unbound = (id: string, branchId: string) => ({
    _id: id,
    openid: '',
    name: '待绑定党员',
    phone: '13900008888',
    branchId,
    groupId: `${branchId}-g1`,
    title: '',
    grants: [{ role: 'member', branchId }],
  })
  cloud.db.insertMany('people', [unbound('authz-unbound-own', OWN), unbound('authz-unbound-other', OTHER)])
  // The code bindInvite is tried with is a third member's, so createInvite's cases cannot revoke it.
  cloud.db.insertMany('people', [unbound('authz-unbound-code', OWN)])
  const inviteCode = must(
    await cloud.call(sec, 'org', 'createInvite', { personId: 'authz-unbound-code' }),
    'invite',
  ).code

  // Spot checks that picked each branch's running project, and rectifications open and done in each.
  const committee = cookies.committee
  const deadline = formatDay(new Date(Date.now() + 30 * 24 * 3600 * 1000))
  const draw = async (branchId: string) =>
    must(
      await cloud.call(committee, 'supervision', 'createSpotCheck', {
        requestId: `authz-fixture-${branchId}`,
        size: 1,
        branchId,
      }),
      'spot check',
    ).id
  const spotCheck = { own: await draw(OWN), other: await draw(OTHER) }
  const rectify = async (id: string, projectId: string) =>
    must(
      await cloud.call(committee, 'supervision', 'addRectification', {
        id,
        projectId,
        text: '补齐台账',
        deadline,
      }),
      'rectification',
    ).id
  const open = {
    own: await rectify(spotCheck.own, 'prj-001'),
    other: await rectify(spotCheck.other, 'prj-002'),
  }
  const done = {
    own: await rectify(spotCheck.own, 'prj-001'),
    other: await rectify(spotCheck.other, 'prj-002'),
  }
  must(
    await cloud.call(sec, 'supervision', 'completeRectification', { id: done.own, note: '已补齐' }),
    'done',
  )
  must(
    await cloud.call(otherSec, 'supervision', 'completeRectification', { id: done.other, note: '已补齐' }),
    'done',
  )
  // 督导记录 in each branch, by the committee member, who supervises both for it.
  const recordIn = async (branchId: string, ownerId: string) => {
    must(
      await cloud.call(committee, 'supervision', 'setAssignment', {
        personId: PEOPLE.committee,
        branchId,
        assigned: true,
      }),
      'assignment',
    )
    return must(
      await cloud.call(committee, 'supervision', 'createRecord', {
        ...RECORD,
        method: 'phone',
        requestId: `authz-fixture-record-${branchId}`,
        branchId,
        followUps: [{ text: '补齐台账', ownerId, deadline }],
      }),
      'record',
    ).id
  }
  const record = {
    own: await recordIn(OWN, PEOPLE.member),
    other: await recordIn(OTHER, PEOPLE.otherSecretary),
  }
  const evaluation = must(
    await cloud.call(committee, 'supervision', 'evaluation', { year: 2026 }),
    'evaluation',
  )

  return {
    draft: { own: 'authz-draft-own', other: 'authz-draft-other' },
    submitted: { own: 'authz-submitted-own', other: 'authz-submitted-other' },
    approved: { own: 'authz-approved-own', other: 'authz-approved-other' },
    acceptanceRequested: { own: 'authz-accreq-own', other: 'authz-accreq-other' },
    plan: { own: planOf(cloud, 'prj-001'), other: planOf(cloud, 'prj-002') },
    lecture: {
      ownDraft: await lecture(sec, OWN, false),
      otherDraft: await lecture(otherSec, OTHER, false),
      otherPublished: await lecture(otherSec, OTHER, true),
    },
    notice: { own: await notice(sec, `${OWN}-g2`), other: await notice(otherSec, `${OTHER}-g2`) },
    message: { own: 'authz-msg-own', other: 'authz-msg-other' },
    unbound: { own: 'authz-unbound-own', other: 'authz-unbound-other' },
    inviteCode,
    spotCheck,
    rectification: { open, done },
    record,
    topTen: evaluation.proposedTopTen,
    deadline,
    problem: await surveyProblem(cloud, committee, otherSec),
    showcased: (
      cloud.db.find('top_ten_selections', { year: 2025 })[0] as { entries: { projectId: string }[] }
    ).entries[0].projectId,
    ledgerJob: { own: ledgerJob(cloud, 'p001', 'prj-001'), other: ledgerJob(cloud, 'p008', 'prj-002') },
    mergeJob: mergeJob(cloud),
    checkin: await checkins(cloud, cookies.member),
  }
}

/** Check-ins made today through the function: the member's on t2 of prj-001, p011's on t2 of prj-002. */
async function checkins(cloud: TestCloud, member: string): Promise<Fixtures['checkin']> {
  const make = async (who: string, projectId: string, requestId: string) =>
    must(
      await cloud.call(who, 'checkins', 'create', {
        requestId,
        projectId,
        taskId: 't2',
        text: TEXT,
        photos: [],
      }),
      'check-in',
    ).checkin.id
  const p011 = await cloud.signIn('p011')
  return {
    edit: await make(member, 'prj-001', 'authz-fixture-edit'),
    withdraw: await make(member, 'prj-001', 'authz-fixture-withdraw'),
    other: await make(p011, 'prj-002', 'authz-fixture-other'),
  }
}

/** A 管理台账 export job waiting for its run, as `ledger.export` leaves one for a large ledger. */
function ledgerJob(cloud: TestCloud, ownerId: string, projectId: string): string {
  const _id = `authz-ledger-job-${projectId}`
  const now = new Date()
  cloud.db.insertMany('ledger_jobs', [
    {
      _id,
      ownerId,
      scope: { projectId },
      scopeKey: `p:${projectId}`,
      title: '管理台账',
      fileName: '管理台账.xlsx',
      total: 0,
      done: 0,
      phase: null,
      status: 'queued',
      leaseUntil: new Date(now.getTime() + 70_000),
      attempts: 0,
      fileID: null,
      error: null,
      createdAt: now,
      updatedAt: now,
    },
  ])
  return _id
}

/** A large merge's job waiting for its run, as `org.mergeUnits` leaves one (its page would start it at once). */
function mergeJob(cloud: TestCloud): string {
  return mergeJobDoc(cloud, 'authz-merge-job', 'b-diaokong', 'b-jiguan')
}

function mergeJobDoc(cloud: TestCloud, _id: string, fromId: string, intoId: string): string {
  const now = new Date()
  const name = (id: string) => String(cloud.db.find('org_units', { _id: id })[0]?.name ?? id)
  cloud.db.insertMany('org_jobs', [
    {
      _id,
      kind: 'mergeUnits',
      fromId,
      intoId,
      fromName: name(fromId),
      intoName: name(intoId),
      by: { _id: 'p057', name: '党委委员' },
      total: 0,
      done: 0,
      moved: {},
      status: 'queued',
      leaseUntil: new Date(now.getTime() + 30_000),
      runs: 0,
      message: null,
      error: null,
      createdAt: now,
      updatedAt: now,
    },
  ])
  return _id
}

// ---- role escalation -----------------------------------------------------------------------------------

/**
 * The roles of the identity an action would create, invite or bind: a member of 运维部, its secretary, or a
 * committee member (who also belongs to 运维部).
 */
export const TARGET_ROLES = ['member', 'secretary', 'committee'] as const
export type TargetRole = (typeof TARGET_ROLES)[number]

export const targetGrants = (target: TargetRole): RoleGrant[] => [
  { role: 'member', branchId: OWN },
  ...(target === 'secretary' ? [{ role: 'secretary' as const, branchId: OWN }] : []),
  ...(target === 'committee' ? [{ role: 'committee' as const }] : []),
]

/** The person every escalation case is about: on the roster, holding the target's roles, WeChat not bound. */
export const ESCALATION_TARGET = 'authz-esc-target'

export interface EscalationEntry {
  /** Named variants of the case (e.g. who made the code being bound); one unnamed variant when left out. */
  scopes?: readonly string[]
  /** Puts the target (holding `target`'s roles) and whatever the action needs in place; returns its payload. */
  prepare(
    cloud: TestCloud,
    cookies: Record<'secretary' | 'committee', string>,
    target: TargetRole,
    scope: string,
  ): Promise<Record<string, unknown>>
  expect(role: Role, target: TargetRole, scope: string): Outcome
  /** Whose authority the identity is handed over on: the caller's, unless e.g. a code made by someone else. */
  granter?(role: Role, scope: string): Role
}

function putTarget(cloud: TestCloud, target: TargetRole, groupId = `${OWN}-g1`): void {
  cloud.db.insertMany('people', [
    {
      _id: ESCALATION_TARGET,
      openid: '',
      name: '待绑定党员',
      phone: '13900007777',
      branchId: OWN,
      groupId,
      title: '',
      grants: targetGrants(target),
    },
  ])
}

/** An unused invite for the target as `createdBy` made it, before the target was given the roles they hold now. */
function putInvite(cloud: TestCloud, createdBy: string): string {
  const code = 'ESCALA7E'
  cloud.db.insertMany('invites', [
    {
      _id: `iv-${createHash('sha256').update(`invite\n${code}`).digest('hex').slice(0, 32)}`,
      personId: ESCALATION_TARGET,
      branchId: OWN,
      createdBy,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
      usedAt: null,
      usedBy: null,
      revoked: false,
    },
  ])
  return code
}

const outsiders = (role: Role): Outcome | null =>
  role === 'public' ? 'unregistered' : role === 'signedOut' ? 'unauthenticated' : null

/**
 * Every action that creates, invites, binds or changes a person. `authz-matrix.test.ts` fails naming any action
 * that wrote to `people` or `invites` in the matrix and has no entry here, and walks each entry over every caller
 * role × every target role, checking the committee's identities never grow without a committee caller.
 */
export const ESCALATION: Record<string, Record<string, EscalationEntry>> = {
  org: {
    // The committee has already handed out a code for the target: a refused invite must leave it valid.
    createInvite: {
      async prepare(cloud, cookies, target) {
        putTarget(cloud, target)
        must(
          await cloud.call(cookies.committee, 'org', 'createInvite', { personId: ESCALATION_TARGET }),
          'committee invite',
        )
        return { personId: ESCALATION_TARGET }
      },
      expect: (role, target) =>
        outsiders(role) ??
        (role === 'committee' || (role === 'secretary' && target !== 'committee') ? 'ok' : 'denied'),
    },
    // A code made for a member, who has since become what `target` says: binding hands over those roles.
    bindInvite: {
      scopes: ['bySecretary', 'byCommittee'],
      granter: (_role, scope) => (scope === 'byCommittee' ? 'committee' : 'secretary'),
      async prepare(cloud, _cookies, target, scope) {
        putTarget(cloud, target)
        return { code: putInvite(cloud, scope === 'byCommittee' ? PEOPLE.committee : PEOPLE.secretary) }
      },
      expect: (role, target, scope) =>
        role === 'signedOut'
          ? 'unauthenticated'
          : role !== 'public'
            ? 'refused'
            : scope === 'bySecretary' && target === 'committee'
              ? 'denied'
              : 'ok',
    },
    // 组织管理 changes roles and places: the committee alone, whoever the target is.
    setSecretary: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target)
        return { branchId: OWN, personId: ESCALATION_TARGET }
      },
      expect: (role, target) =>
        outsiders(role) ?? (role !== 'committee' ? 'denied' : target === 'secretary' ? 'refused' : 'ok'),
    },
    setGroupLeader: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target)
        return { groupId: `${OWN}-g2`, personId: ESCALATION_TARGET }
      },
      expect: (role) => outsiders(role) ?? (role === 'committee' ? 'ok' : 'denied'),
    },
    movePerson: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target)
        return {
          personId: ESCALATION_TARGET,
          branchId: OTHER,
          ...(target === 'secretary' ? { successorId: 'p005' } : {}),
        }
      },
      expect: (role) => outsiders(role) ?? (role === 'committee' ? 'ok' : 'denied'),
    },
    moveGroup: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target, 'authz-esc-group')
        cloud.db.insertMany('groups', [
          { _id: 'authz-esc-group', branchId: OWN, name: '待调党小组', leaderId: null },
        ])
        return { groupId: 'authz-esc-group', branchId: OTHER }
      },
      expect: (role, target) =>
        outsiders(role) ?? (role !== 'committee' ? 'denied' : target === 'secretary' ? 'refused' : 'ok'),
    },
    mergeGroups: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target)
        return { fromId: `${OWN}-g1`, intoId: `${OWN}-g2` }
      },
      expect: (role) => outsiders(role) ?? (role === 'committee' ? 'ok' : 'denied'),
    },
    mergeUnits: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target)
        return { fromId: OWN, intoId: OTHER }
      },
      expect: (role) => outsiders(role) ?? (role === 'committee' ? 'ok' : 'denied'),
    },
    // A large merge's run moves the target with the branch, as the merge itself would.
    runMergeJob: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target)
        return { jobId: mergeJobDoc(cloud, 'authz-esc-merge-job', OWN, OTHER) }
      },
      expect: (role) => outsiders(role) ?? (role === 'committee' ? 'ok' : 'denied'),
    },
    // Re-importing the target's row: 党员 / 支部书记 set the branch role; an empty cell keeps what they hold.
    importRoster: {
      async prepare(cloud, _cookies, target) {
        putTarget(cloud, target)
        const role = { member: '党员', secretary: '支部书记', committee: '' }[target]
        return {
          rows: [{ row: 2, name: '待绑定党员', phone: '13900007777', branch: '运维部党支部', role }],
          commit: true,
        }
      },
      expect: (role) => outsiders(role) ?? (role === 'committee' ? 'ok' : 'denied'),
    },
  },
}
