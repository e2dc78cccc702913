import type {
  ActionInput,
  AssignmentChange,
  AssignmentsView,
  DrawVerification,
  FindingView,
  InspectionCoverageView,
  MyBranchesView,
  MyRectifications,
  Page,
  RectificationChange,
  SpotCheckDetail,
  SpotCheckSummary,
} from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 整改任务: the caller's branches' (secretary) or supervised branches' (committee) rectifications. */
export const fetchMyRectifications = (): Promise<MyRectifications> =>
  callCloud('supervision', 'myRectifications', {})

export const fetchMyBranches = (): Promise<MyBranchesView> => callCloud('supervision', 'myBranches', {})

export const fetchAssignments = (): Promise<AssignmentsView> => callCloud('supervision', 'assignments', {})

export const saveAssignment = (
  change: ActionInput<'supervision', 'setAssignment'>,
): Promise<AssignmentChange> => callCloud('supervision', 'setAssignment', change)

export const saveCadence = (
  change: ActionInput<'supervision', 'setCadence'>,
): Promise<{ branches: number }> => callCloud('supervision', 'setCadence', change)

export const fetchInspectionCoverage = (): Promise<InspectionCoverageView> =>
  callCloud('supervision', 'inspectionCoverage', {})

export const countCandidates = (branchId?: string): Promise<{ count: number; scopeName: string }> =>
  callCloud('supervision', 'candidates', branchId ? { branchId } : {})

export const drawSpotCheck = (
  input: ActionInput<'supervision', 'createSpotCheck'>,
): Promise<{ id: string; created: boolean }> => callCloud('supervision', 'createSpotCheck', input)

export const fetchSpotChecks = (page: number): Promise<Page<SpotCheckSummary>> =>
  callCloud('supervision', 'listSpotChecks', { page })

export const fetchSpotCheck = (id: string): Promise<SpotCheckDetail> =>
  callCloud('supervision', 'getSpotCheck', { id })

export const verifySpotCheck = (id: string): Promise<DrawVerification> =>
  callCloud('supervision', 'verifySpotCheck', { id })

export const saveFinding = (
  input: ActionInput<'supervision', 'recordFinding'>,
): Promise<{ projectId: string; finding: FindingView }> => callCloud('supervision', 'recordFinding', input)

export const addRectification = (
  input: ActionInput<'supervision', 'addRectification'>,
): Promise<RectificationChange> => callCloud('supervision', 'addRectification', input)

export const completeRectification = (id: string, note: string): Promise<RectificationChange> =>
  callCloud('supervision', 'completeRectification', { id, note })

export const confirmRectification = (id: string, comment: string): Promise<RectificationChange> =>
  callCloud('supervision', 'confirmRectification', comment ? { id, comment } : { id })

export const reopenRectification = (id: string, comment: string): Promise<RectificationChange> =>
  callCloud('supervision', 'reopenRectification', { id, comment })
