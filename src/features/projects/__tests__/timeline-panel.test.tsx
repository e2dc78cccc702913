import { render, screen } from '@testing-library/react'
import { TimelinePanel } from '../components/TimelinePanel'

const started = (at: string) => ({
  id: 'e1',
  action: 'start' as const,
  from: 'approved' as const,
  to: 'in_progress' as const,
  actorName: '王建国',
  comment: '',
  at,
})

describe('项目动态', () => {
  it('shows milestone approvals and check-ins among the state changes, newest first', () => {
    render(
      <TimelinePanel
        events={[started('2026-03-01T02:00:00.000Z')]}
        work={[
          {
            id: 'r1',
            kind: 'milestone',
            action: 'approve',
            title: '入户走访',
            actorName: '王建国',
            comment: '材料齐全',
            at: '2026-03-05T02:00:00.000Z',
          },
          {
            id: 'c1',
            kind: 'checkin',
            action: null,
            title: '走访 · 入户走访',
            actorName: '李海燕',
            comment: '走访 12 户',
            at: '2026-03-03T02:00:00.000Z',
          },
        ]}
      />,
    )
    expect(screen.getByText('3 条')).toBeInTheDocument()
    const actions = screen.getAllByText(/^(里程碑审核通过|打卡写实|启动实施|.+)$/, {
      selector: '.timeline__action',
    })
    expect(actions.map((a) => a.textContent)).toEqual(['里程碑审核通过', '打卡写实', expect.any(String)])
    expect(screen.getByText('意见：材料齐全')).toBeInTheDocument()
    expect(screen.getByText('内容：走访 12 户')).toBeInTheDocument()
    expect(screen.getByText('走访 · 入户走访')).toBeInTheDocument()
  })

  it('gives each time in China time (UTC+8), whatever the device’s clock says', () => {
    render(
      <TimelinePanel
        // 2026-03-02 04:30 in China; the device's clock in UTC would say 03-01 20:30.
        events={[started('2026-03-01T20:30:00.000Z')]}
        work={[]}
      />,
    )
    expect(screen.getByText('2026-03-02 04:30')).toBeInTheDocument()
  })
})
