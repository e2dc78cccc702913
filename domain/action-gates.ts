import type { ActionName, FunctionName } from '../types/api'
import type { Actor } from './roles'
import { ratingRefusal } from './ratings'
import { isCommittee, isSecretary } from './roles'

/**
 * Who may call an action at all, by role alone: checked before the payload is even validated, so a caller
 * without the role learns FORBIDDEN, never what a valid payload would look like. Whether they may act on the
 * particular project, group or lecture is each action's own check, after validation.
 */
export type ActionGate = 'committee' | 'secretary' | 'staff' | 'masses'

export function passesGate(actor: Actor, gate: ActionGate): boolean {
  if (gate === 'committee') return isCommittee(actor)
  if (gate === 'secretary') return isSecretary(actor)
  // 职工群众: a WeChat user on no Party roster (群众满意度, domain/ratings).
  if (gate === 'masses') return ratingRefusal(actor) === null
  return isCommittee(actor) || isSecretary(actor)
}

export const GATE_MESSAGES: Record<ActionGate, string> = {
  committee: '只有党委可以进行此操作',
  secretary: '只有支部书记可以进行此操作',
  staff: '只有支部书记或党委可以进行此操作',
  masses: '群众满意度由职工群众评价，党员不参与评分',
}

/** A gate, or a gate with the words the action has always refused with. */
export type GateRule = ActionGate | readonly [ActionGate, string]

type Gates = { [F in FunctionName]?: Partial<Record<ActionName<F>, GateRule>> }

/** Null when `actor` passes `rule`, else the message to refuse them with. */
export function gateRefusal(actor: Actor, rule: GateRule): string | null {
  const [gate, message] = typeof rule === 'string' ? [rule, GATE_MESSAGES[rule]] : rule
  return passesGate(actor, gate) ? null : message
}

/** Actions only some roles may call; the others are open to every registered person (then checked per object). */
export const ACTION_GATES: Gates = {
  org: {
    importRoster: ['committee', '只有党委可以导入党员名册'],
    createInvite: 'staff',
    orgTree: ['committee', '只有党委可以管理组织'],
    reindexSearch: ['committee', '只有党委可以重建搜索索引'],
    auditLog: ['committee', '只有党委可以查看组织管理操作记录'],
    createUnit: ['committee', '只有党委可以管理组织'],
    renameUnit: ['committee', '只有党委可以管理组织'],
    moveUnit: ['committee', '只有党委可以管理组织'],
    mergeUnits: ['committee', '只有党委可以管理组织'],
    mergeJob: ['committee', '只有党委可以管理组织'],
    runMergeJob: ['committee', '只有党委可以管理组织'],
    createGroup: ['committee', '只有党委可以管理组织'],
    renameGroup: ['committee', '只有党委可以管理组织'],
    moveGroup: ['committee', '只有党委可以管理组织'],
    mergeGroups: ['committee', '只有党委可以管理组织'],
    setSecretary: ['committee', '只有党委可以管理组织'],
    setGroupLeader: ['committee', '只有党委可以管理组织'],
    movePerson: ['committee', '只有党委可以管理组织'],
  },
  projects: {
    saveDraft: ['secretary', '只有支部书记可以起草项目'],
    submit: 'secretary',
    withdraw: 'secretary',
    savePlan: 'secretary',
    start: 'secretary',
    requestAcceptance: 'secretary',
    approve: 'committee',
    return: 'committee',
    accept: 'committee',
    returnAcceptance: 'committee',
    recordAcceptanceMethod: ['committee', '只有党委可以记录验收方式'],
    archive: 'committee',
    posterCode: ['staff', '只有本支部书记和党委可以生成四公开海报'],
    rate: 'masses',
    setSurvey: ['committee', '调研由党委开启和结束'],
    curateProblem: ['committee', '只有党委可以合并或标记调研问题'],
    borrow: ['secretary', '只有支部书记可以借鉴项目起草立项'],
    saveGuide: ['committee', '选题指南由党委制定和发布'],
    remindProposals: ['committee', '只有党委可以提醒各支部申报'],
  },
  checkins: {
    approveMilestone: ['staff', '只有本支部书记或党委可以审批里程碑'],
    returnMilestone: ['staff', '只有本支部书记或党委可以审批里程碑'],
  },
  lectures: { withdraw: ['staff', '只有发布支部的书记和党委可以撤回讲坛'] },
  dashboard: {
    committee: ['committee', '只有党委可以查看全公司看板'],
    league: ['committee', '只有党委可以查看各支部排名'],
    branch: ['staff', '看板由支部书记和党委查看'],
    overdue: ['staff', '看板由支部书记和党委查看'],
    refresh: ['staff', '看板由支部书记和党委刷新'],
  },
  ledger: { preview: 'staff', export: 'staff', job: 'staff', runJob: 'staff' },
  supervision: {
    assignments: 'committee',
    setAssignment: 'committee',
    setCadence: ['committee', '只有党委可以设置定期检查频次'],
    inspectionCoverage: ['committee', '定期检查覆盖情况仅供党委查看'],
    candidates: 'committee',
    createSpotCheck: 'committee',
    recordFinding: 'committee',
    addRectification: 'committee',
    confirmRectification: 'committee',
    reopenRectification: 'committee',
    evaluation: 'committee',
    markTopTen: 'committee',
    myBranches: 'staff',
    myRectifications: ['staff', '整改任务仅供党委和支部书记查看'],
    listSpotChecks: 'staff',
    getSpotCheck: 'staff',
    verifySpotCheck: 'staff',
    completeRectification: 'secretary',
    createRecord: ['committee', '只有党委联系指导人可以记录督导'],
    listRecords: ['staff', '督导记录仅供党委和支部书记查看'],
  },
}
