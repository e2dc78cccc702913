import {
  INLINE_MAX_CHECKINS,
  JOB_MAX_ATTEMPTS,
  JOB_MAX_CHECKINS,
  JOB_REUSE_READY_MS,
  canReuseJob,
  canTakeJob,
  exportMode,
  isJobAbandoned,
  jobPercent,
  jobProgressText,
} from '../ledger-jobs'

const now = new Date('2026-12-04T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)
const job = (over: Partial<Parameters<typeof canReuseJob>[0]> = {}) => ({
  status: 'running' as const,
  leaseUntil: new Date(now.getTime() + 1000),
  attempts: 1,
  createdAt: ago(1000),
  ...over,
})

describe('how a 管理台账 export is made', () => {
  it.each([
    [0, 'inline'],
    [INLINE_MAX_CHECKINS, 'inline'],
    [INLINE_MAX_CHECKINS + 1, 'job'],
    [JOB_MAX_CHECKINS, 'job'],
    [JOB_MAX_CHECKINS + 1, 'too_large'],
  ])('%i check-ins: %s', (n, mode) => expect(exportMode(n)).toBe(mode))
})

describe('who may take a job', () => {
  it('takes a waiting one at once, a running one only once its run’s hold is over and attempts are left', () => {
    expect(canTakeJob(job({ status: 'queued', attempts: 0 }), now)).toBe(true)
    expect(canTakeJob(job(), now)).toBe(false)
    expect(canTakeJob(job({ leaseUntil: ago(1) }), now)).toBe(true)
    expect(canTakeJob(job({ leaseUntil: ago(1), attempts: JOB_MAX_ATTEMPTS }), now)).toBe(false)
    expect(canTakeJob(job({ status: 'ready' }), now)).toBe(false)
    expect(canTakeJob(job({ status: 'failed', leaseUntil: ago(1) }), now)).toBe(false)
  })

  it('gives a job up only when every attempt was stopped', () => {
    expect(isJobAbandoned(job({ leaseUntil: ago(1), attempts: JOB_MAX_ATTEMPTS }), now)).toBe(true)
    expect(isJobAbandoned(job({ attempts: JOB_MAX_ATTEMPTS }), now)).toBe(false)
    expect(isJobAbandoned(job({ leaseUntil: ago(1) }), now)).toBe(false)
  })

  it('hands back a job under way or just made, never a failed or an old one', () => {
    expect(canReuseJob(job(), now)).toBe(true)
    expect(canReuseJob(job({ status: 'ready', createdAt: ago(JOB_REUSE_READY_MS - 1) }), now)).toBe(true)
    expect(canReuseJob(job({ status: 'ready', createdAt: ago(JOB_REUSE_READY_MS) }), now)).toBe(false)
    expect(canReuseJob(job({ status: 'failed' }), now)).toBe(false)
    expect(canReuseJob(job({ leaseUntil: ago(1), attempts: JOB_MAX_ATTEMPTS }), now)).toBe(false)
  })
})

describe('how far a job has got', () => {
  const base = { total: 20_000, error: null }
  it('counts reading as the first half and writing as the second, never 100 before it is ready', () => {
    expect(jobPercent({ ...base, status: 'queued', phase: null, done: 0 })).toBe(0)
    expect(jobPercent({ ...base, status: 'running', phase: 'reading', done: 10_000 })).toBe(25)
    expect(jobPercent({ ...base, status: 'running', phase: 'writing', done: 20_000 })).toBe(99)
    expect(jobPercent({ ...base, status: 'ready', phase: null, done: 20_000 })).toBe(100)
  })
  it('says it in words', () => {
    expect(jobProgressText({ ...base, status: 'running', phase: 'writing', done: 5_000 })).toBe(
      '台账较大，正在写入 5,000 / 20,000 条记录（62%）',
    )
    expect(jobProgressText({ ...base, status: 'failed', phase: null, done: 0, error: '超时' })).toBe(
      '台账生成失败：超时',
    )
  })
})
