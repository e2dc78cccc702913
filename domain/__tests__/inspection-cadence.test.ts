import { chinaDay } from '../checkins'
import {
  cadenceYearProblem,
  inspectionCoverage,
  inspectionDue,
  periodOf,
  planInspections,
  withPlan,
} from '../inspection-cadence'
import type { InspectionFact } from '../inspection-cadence'
import { DEFAULT_RULES } from '../reminder-rules'
import type { InspectionPlan } from '../../types/entities-supervision'

const plan = (cadence: InspectionPlan['cadence'], year = 2026, since = `${year}-01-01`): InspectionPlan => ({
  year,
  cadence,
  setById: 'p057',
  setByName: '赵书记',
  since,
})

describe('periods of a cadence (China days)', () => {
  it.each([
    ['2026-01-31', 'monthly', '2026-M01', '2026-01-01', '2026-01-31', '2026年1月'],
    ['2026-02-28', 'monthly', '2026-M02', '2026-02-01', '2026-02-28', '2026年2月'],
    ['2028-02-29', 'monthly', '2028-M02', '2028-02-01', '2028-02-29', '2028年2月'],
    ['2026-03-31', 'quarterly', '2026-Q1', '2026-01-01', '2026-03-31', '2026年第一季度'],
    ['2026-04-01', 'quarterly', '2026-Q2', '2026-04-01', '2026-06-30', '2026年第二季度'],
    ['2026-12-31', 'quarterly', '2026-Q4', '2026-10-01', '2026-12-31', '2026年第四季度'],
    ['2026-06-30', 'half_yearly', '2026-H1', '2026-01-01', '2026-06-30', '2026年上半年'],
    ['2026-07-01', 'half_yearly', '2026-H2', '2026-07-01', '2026-12-31', '2026年下半年'],
    ['2026-09-15', 'yearly', '2026', '2026-01-01', '2026-12-31', '2026年度'],
  ] as const)('%s %s → %s', (day, cadence, key, start, end, label) => {
    expect(periodOf(day, cadence)).toEqual({ key, start, end, label })
  })

  it('takes the China day: 23:59 and 00:00 China time on a month end fall in different months', () => {
    // 2026-03-31 23:59 in China is 15:59 UTC; 00:00 on 04-01 is 16:00 UTC the same UTC day.
    expect(periodOf(chinaDay(new Date('2026-03-31T15:59:00Z')), 'quarterly').key).toBe('2026-Q1')
    expect(periodOf(chinaDay(new Date('2026-03-31T16:00:00Z')), 'quarterly').key).toBe('2026-Q2')
    expect(periodOf(chinaDay(new Date('2026-12-31T16:30:00Z')), 'monthly').key).toBe('2027-M01')
  })
})

describe('setting a cadence', () => {
  it('keeps other years and counts from the day it is set in the current year', () => {
    const by = { id: 'p057', name: '赵书记' }
    const plans = withPlan([plan('yearly', 2025)], 2026, 'monthly', by, '2026-12-04')
    expect(plans).toEqual([plan('yearly', 2025), { ...plan('monthly'), since: '2026-12-04' }])
    expect(withPlan(plans, 2027, 'quarterly', by, '2026-12-04')[2]).toMatchObject({ since: '2027-01-01' })
    expect(withPlan(plans, 2026, null, by, '2026-12-04')).toEqual([plan('yearly', 2025)])
  })

  it('is for this year or the next only', () => {
    expect(cadenceYearProblem(2026, '2026-12-31')).toBeNull()
    expect(cadenceYearProblem(2027, '2026-12-31')).toBeNull()
    expect(cadenceYearProblem(2025, '2026-01-01')).toMatch(/只能设置2026年或2027年/)
  })
})

describe('what is due', () => {
  it('is nothing without a cadence for the year', () => {
    expect(inspectionDue([plan('monthly', 2025)], null, '2026-01-05')).toBeNull()
  })

  it('is covered by an inspection dated inside the period, not one before it', () => {
    const plans = [plan('quarterly')]
    expect(inspectionDue(plans, '2026-09-30', '2026-10-01')).toMatchObject({ doneOn: null, daysLeft: 91 })
    expect(inspectionDue(plans, '2026-10-01', '2026-12-31')).toMatchObject({
      doneOn: '2026-10-01',
      daysLeft: 0,
    })
  })

  it('counts coverage over the branches with a cadence', () => {
    const plans = [plan('monthly')]
    expect(
      inspectionCoverage(
        [
          { plans, lastInspection: '2026-12-01' },
          { plans, lastInspection: '2026-11-30' },
          { plans: undefined, lastInspection: null },
        ],
        '2026-12-04',
      ),
    ).toEqual({ due: 2, checked: 1 })
  })
})

describe('reminders of 定期检查, each once per period', () => {
  const fact = (over: Partial<InspectionFact> = {}): InspectionFact => ({
    supervisorId: 'p059',
    supervisorName: '钱主任',
    branchId: 'b-yunwei',
    branchName: '运维部党支部',
    plans: [plan('monthly', 2026), plan('monthly', 2027)],
    lastInspection: null,
    ...over,
  })
  const kinds = (today: string, f = fact()) =>
    planInspections([f], today, DEFAULT_RULES).map((r) => `${r.kind}:${r.personId}:${r.key.split(':').pop()}`)

  it('reminds the supervisor in the last dueSoonDays of the period, not before', () => {
    expect(kinds('2026-11-26')).toEqual([])
    expect(kinds('2026-11-27')).toEqual(['inspection_due:p059:2026-M11'])
    expect(kinds('2026-11-30')).toEqual(['inspection_due:p059:2026-M11'])
    expect(kinds('2026-11-30', fact({ lastInspection: '2026-11-03' }))).toEqual([])
  })

  it('tells the supervisor the day after a missed period, and the setter escalateAfterDays later', () => {
    expect(kinds('2026-12-01')).toEqual(['inspection_overdue:p059:2026-M11'])
    expect(kinds('2026-12-03')).toEqual([
      'inspection_overdue:p059:2026-M11',
      'inspection_escalated:p057:2026-M11',
    ])
    // Inspected since: nothing more about November.
    expect(kinds('2026-12-03', fact({ lastInspection: '2026-12-02' }))).toEqual([])
    // Past the look-back: nothing planned any more.
    expect(kinds('2026-12-10')).toEqual([])
  })

  it('crosses the year: December is overdue on 1 January under last year’s cadence', () => {
    expect(kinds('2027-01-01', fact({ plans: [plan('quarterly', 2026)] }))).toEqual([
      'inspection_overdue:p059:2026-Q4',
    ])
  })

  it('does not count a period that ended before the cadence was set', () => {
    expect(kinds('2026-12-01', fact({ plans: [plan('monthly', 2026, '2026-12-01')] }))).toEqual([])
  })

  it('does not escalate to the supervisor who set their own cadence', () => {
    const own = fact({ plans: [{ ...plan('monthly'), setById: 'p059' }] })
    expect(kinds('2026-12-03', own)).toEqual(['inspection_overdue:p059:2026-M11'])
  })
})
