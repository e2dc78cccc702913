import type { MyTaskItem, MyTasks } from '@contract/functions/checkins'

export function taskItem(overrides: Partial<MyTaskItem> = {}): MyTaskItem {
  return {
    kind: 'milestone',
    key: 'm:prj-001-m1',
    project: { id: 'prj-001', title: '党员干部施工项目全程负责制', branchName: '营销党支部' },
    task: { id: 't1', title: '施工现场安全监督' },
    milestone: {
      id: 'prj-001-m1',
      title: '完成首批工地监督',
      weight: 40,
      status: 'open',
      round: 0,
      lastComment: '',
    },
    deadline: '2026-11-20',
    dueState: 'overdue',
    checkins: 3,
    canSubmit: true,
    ...overrides,
  }
}

export const myTasks = (items: MyTaskItem[]): MyTasks => ({
  items,
  overdue: items.filter((i) => i.dueState === 'overdue').length,
  today: '2026-11-26',
})
