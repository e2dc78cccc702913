import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ReminderSettingsView } from '@contract/api'
import type { ReminderKind } from '@contract/entities'
import { CloudError } from '@/services/cloud-error'
import { requestSubscriptions } from '@/services/subscribe'
import ReminderSettingsPage from '../index'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/subscribe', () => ({
  ...jest.requireActual('@/services/subscribe'),
  requestSubscriptions: jest.fn(),
}))

// As reminder-config.json pairs kinds and templates.
const TEMPLATES: Record<ReminderKind, string | null> = {
  milestone_due: 'tpl-milestone-deadline',
  milestone_overdue: 'tpl-milestone-deadline',
  milestone_escalated: 'tpl-overdue-escalation',
  approval_waiting: 'tpl-approval-waiting',
  proposal_waiting: 'tpl-approval-waiting',
  acceptance_waiting: 'tpl-approval-waiting',
  lecture_new: null,
  lecture_due: 'tpl-study-reminder',
  lecture_overdue: 'tpl-study-reminder',
  weekly_digest: 'tpl-weekly-digest',
  milestone_approved: 'tpl-review-result',
  milestone_returned: 'tpl-review-result',
  proposal_decided: 'tpl-review-result',
  acceptance_decided: 'tpl-review-result',
  announcement_new: 'tpl-group-notice',
  announcement_unread: 'tpl-group-notice',
  supervision_assigned: 'tpl-task-assigned',
  spot_check_assigned: 'tpl-task-assigned',
  follow_up_assigned: null,
  follow_up_closed: null,
  org_changed: null,
  rectification_assigned: 'tpl-task-assigned',
  rectification_due: 'tpl-milestone-deadline',
  rectification_overdue: 'tpl-overdue-escalation',
  inspection_due: 'tpl-milestone-deadline',
  inspection_overdue: 'tpl-milestone-deadline',
  inspection_escalated: 'tpl-overdue-escalation',
  proposal_due: 'tpl-milestone-deadline',
}

const MEMBER_KINDS: ReminderKind[] = [
  'milestone_due',
  'milestone_overdue',
  'lecture_new',
  'lecture_due',
  'lecture_overdue',
]

function view(kinds: ReminderKind[], off: ReminderKind[] = []): ReminderSettingsView {
  return {
    kinds: kinds.map((kind) => ({ kind, on: !off.includes(kind), templateId: TEMPLATES[kind] })),
    quietHours: { start: '22:00', end: '07:00' },
  }
}

const switchOf = (name: string) => screen.getByRole('switch', { name })
const request = requestSubscriptions as jest.Mock

beforeEach(() => {
  resetCloud()
  request.mockReset()
})

describe('提醒设置', () => {
  it('shows a switch per kind, its state in words, and the quiet hours', async () => {
    answer({ 'messages.getSettings': view(MEMBER_KINDS, ['lecture_new']) })
    render(<ReminderSettingsPage />)

    expect(screen.getByText('正在加载提醒设置…')).toBeInTheDocument()
    expect(await screen.findByRole('switch', { name: '里程碑即将到期：开' })).toHaveTextContent('开')
    expect(switchOf('里程碑已逾期：开')).toBeInTheDocument()
    expect(switchOf('新讲坛上线：关')).toHaveTextContent('关')
    expect(screen.getAllByRole('switch')).toHaveLength(5)
    expect(screen.getByText('只在“消息”中提醒，不推送微信通知')).toBeInTheDocument()
    expect(screen.getByText('22:00–07:00 不推送微信通知，消息仍会记录')).toBeInTheDocument()
  })

  it('saves the one kind tapped, at once', async () => {
    answer({
      'messages.getSettings': view(MEMBER_KINDS),
      'messages.saveSettings': view(MEMBER_KINDS, ['milestone_due']),
    })
    render(<ReminderSettingsPage />)

    fireEvent.click(await screen.findByRole('switch', { name: '里程碑即将到期：开' }))

    expect(await screen.findByRole('switch', { name: '里程碑即将到期：关' })).toBeInTheDocument()
    await waitFor(() =>
      expect(payloadsOf('messages.saveSettings')).toEqual([{ kinds: { milestone_due: false } }]),
    )
    expect(switchOf('里程碑已逾期：开')).toBeInTheDocument()
  })

  it('puts the switch back and says why when saving fails', async () => {
    answer({
      'messages.getSettings': view(MEMBER_KINDS, ['lecture_due']),
      'messages.saveSettings': new CloudError('NETWORK'),
    })
    render(<ReminderSettingsPage />)

    fireEvent.click(await screen.findByRole('switch', { name: '必学讲坛即将截止：关' }))

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }),
      ),
    )
    expect(payloadsOf('messages.saveSettings')).toEqual([{ kinds: { lecture_due: true } }])
    expect(switchOf('必学讲坛即将截止：关')).toBeInTheDocument()
  })

  it('puts back what was last saved, not what was first loaded', async () => {
    answer({
      'messages.getSettings': view(MEMBER_KINDS),
      'messages.saveSettings': [view(MEMBER_KINDS, ['lecture_due']), new CloudError('NETWORK')],
    })
    render(<ReminderSettingsPage />)

    fireEvent.click(await screen.findByRole('switch', { name: '必学讲坛即将截止：开' }))
    fireEvent.click(await screen.findByRole('switch', { name: '必学讲坛即将截止：关' }))

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled())
    expect(payloadsOf('messages.saveSettings')).toEqual([
      { kinds: { lecture_due: false } },
      { kinds: { lecture_due: true } },
    ])
    expect(switchOf('必学讲坛即将截止：关')).toBeInTheDocument()
  })

  it('asks WeChat for the templates of the kinds that are on, at most 3 a tap', async () => {
    answer({
      'messages.getSettings': view(
        [
          'milestone_due',
          'milestone_overdue',
          'milestone_escalated',
          'approval_waiting',
          'lecture_due',
          'weekly_digest',
        ],
        [],
      ),
    })
    request.mockResolvedValue(['tpl-milestone-deadline'])
    render(<ReminderSettingsPage />)

    fireEvent.click(await screen.findByRole('button', { name: '开启微信提醒（1/2）' }))
    expect(request).toHaveBeenCalledWith([
      'tpl-milestone-deadline',
      'tpl-overdue-escalation',
      'tpl-approval-waiting',
    ])
    expect(
      screen.getByText('包括：里程碑即将到期、里程碑已逾期、逾期督办（本支部）、成果待审批'),
    ).toBeInTheDocument()
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启微信提醒' })),
    )

    request.mockResolvedValue([])
    fireEvent.click(screen.getByRole('button', { name: '开启微信提醒（2/2）' }))
    expect(request).toHaveBeenLastCalledWith(['tpl-study-reminder', 'tpl-weekly-digest'])
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '未开启微信提醒' })),
    )
  })

  it('offers one 开启微信提醒 and leaves out the templates of kinds switched off', async () => {
    answer({ 'messages.getSettings': view(MEMBER_KINDS, ['lecture_due', 'lecture_overdue']) })
    request.mockResolvedValue([])
    render(<ReminderSettingsPage />)

    fireEvent.click(await screen.findByRole('button', { name: '开启微信提醒' }))
    expect(request).toHaveBeenCalledWith(['tpl-milestone-deadline'])
    expect(screen.getByText('包括：里程碑即将到期、里程碑已逾期')).toBeInTheDocument()
  })

  it('shows a load failure in words with 重试', async () => {
    answer({
      'messages.getSettings': [new CloudError('INTERNAL', '服务出错了，请稍后重试'), view(MEMBER_KINDS)],
    })
    render(<ReminderSettingsPage />)

    expect(await screen.findByText('提醒设置加载失败')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByRole('switch', { name: '里程碑即将到期：开' })).toBeInTheDocument()
  })
})
