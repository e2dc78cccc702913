/** Page addresses, built in one place so a renamed page breaks the compiler, not a tap. */
const withId = (path: string, id: string) => `${path}?id=${encodeURIComponent(id)}`

export const routes = {
  home: '/pages/index/index',
  approvals: '/pages/approvals/index',
  project: (id: string) => withId('/pages/project/index', id),
  /** No id: a new draft. */
  proposal: (id?: string) => (id ? withId('/pages/proposal/index', id) : '/pages/proposal/index'),
  plan: (id: string) => withId('/pages/plan/index', id),
  acceptance: (id: string) => withId('/pages/acceptance/index', id),
  review: (id: string) => withId('/pages/review/index', id),
  publicView: (id: string) => withId('/pages/public/index', id),
}
