import { missingFiveClear, planProblems } from '../plan'

const good = {
  title: '建立帮扶台账',
  weight: 30,
  ownerId: 'p016',
  deadline: new Date(Date.UTC(2026, 5, 30)),
  qualityStandard: '每次帮扶有记录',
  expectedGoal: '违章下降',
}

describe('missingFiveClear', () => {
  it('accepts a milestone with all five', () => {
    expect(missingFiveClear(good)).toEqual([])
  })

  it('names each of the five that is missing, in the article’s order', () => {
    expect(
      missingFiveClear({
        title: 'x',
        weight: 0,
        ownerId: '',
        deadline: null,
        qualityStandard: ' ',
        expectedGoal: '',
      }),
    ).toEqual(['weight', 'ownerId', 'deadline', 'qualityStandard', 'expectedGoal'])
    expect(missingFiveClear({ ...good, weight: -5 })).toEqual(['weight'])
    expect(missingFiveClear({ ...good, deadline: null })).toEqual(['deadline'])
  })
})

describe('planProblems', () => {
  it('says a plan without tasks cannot start', () => {
    expect(planProblems([], [])).toEqual([
      { taskId: null, milestoneTitle: null, path: 'tasks', message: '计划书还没有任务' },
    ])
  })

  it('finds tasks without milestones or people, and milestones lacking any of the five', () => {
    const tasks = [
      { id: 't1', title: '结对', assigneeIds: ['p016'] },
      { id: 't2', title: '纠违', assigneeIds: [] },
    ]
    const milestones = [
      { ...good, taskId: 't1' },
      { ...good, taskId: 't1', title: '考试', ownerId: '', qualityStandard: '' },
    ]
    expect(planProblems(tasks, milestones)).toEqual([
      {
        taskId: 't1',
        milestoneTitle: '考试',
        path: 'tasks.0.milestones.1',
        message: '里程碑“考试”缺少：责任人、质量标准',
      },
      { taskId: 't2', milestoneTitle: null, path: 'tasks.1', message: '任务“纠违”还没有里程碑' },
      { taskId: 't2', milestoneTitle: null, path: 'tasks.1', message: '任务“纠违”还没有落实到人' },
    ])
  })

  it('is empty for a complete plan', () => {
    expect(
      planProblems([{ id: 't1', title: '结对', assigneeIds: ['p016'] }], [{ ...good, taskId: 't1' }]),
    ).toEqual([])
  })
})
