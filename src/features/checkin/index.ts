/** The check-in feature's public face: what other features may use of it. */
export { fetchMilestoneInboxCount } from './api/checkins'
export { InboxItemCard } from './components/InboxItemCard'
export { useMilestoneInbox, type MilestoneInboxState } from './hooks/use-milestone-inbox'
