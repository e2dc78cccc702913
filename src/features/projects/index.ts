/** The projects feature's public face: what other features may use of it. */
export { fetchProject } from './api/fetch-project'
export { returnAcceptance, submitProposal } from './api/transitions'
export { useProject } from './hooks/use-project'
export { MilestoneStatusWord } from './components/MilestoneStatusWord'
export { deadlineText, isOverdue, missingFiveClearLabels, today, type MilestoneFields } from './milestones'
