/** Page addresses, built in one place so a renamed page breaks the compiler, not a tap. */
const withId = (path: string, id: string) => `${path}?id=${encodeURIComponent(id)}`
const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&')

export const routes = {
  home: '/pages/index/index',
  approvals: '/pages/approvals/index',
  checkin: '/pages/checkin/index',
  mine: '/pages/mine/index',
  project: (id: string) => withId('/pages/project/index', id),
  /** No id: a new draft. */
  proposal: (id?: string) => (id ? withId('/pages/proposal/index', id) : '/pages/proposal/index'),
  plan: (id: string) => withId('/pages/plan/index', id),
  acceptance: (id: string) => withId('/pages/acceptance/index', id),
  review: (id: string) => withId('/pages/review/index', id),
  publicView: (id: string) => withId('/pages/public/index', id),
  /** A new check-in on a task, or on one milestone of it. */
  checkinNew: (projectId: string, taskId: string, milestoneId?: string) =>
    `/pages/checkin-new/index?${query({ projectId, taskId, milestoneId })}`,
  /** The owner submits a milestone as done. */
  milestoneSubmit: (id: string) => withId('/pages/milestone-submit/index', id),
  /** The approver's view of a milestone submission. */
  submission: (id: string) => withId('/pages/submission/index', id),
}
