import { fireEvent, render, screen } from '@testing-library/react'
import { PendingNotice } from '../components/PendingNotice'
import type { PendingCheckin } from '../outbox'

const failed: PendingCheckin = {
  payload: { requestId: 'req-aaaaaaaa', projectId: 'prj-001', taskId: 't1', text: '巡查' },
  photos: [],
  personId: 'p002',
  label: '施工现场安全监督',
  savedAt: '2026-11-26T08:00:00.000Z',
  attempts: 1,
  refused: '服务响应超时，请稍后重试（错误码 -504003）',
}

describe('PendingNotice', () => {
  it('shows why a check-in failed, and lets its author retry or delete it', () => {
    const onRetryOne = jest.fn()
    const onDiscard = jest.fn()
    render(
      <PendingNotice
        items={[failed]}
        sending={false}
        onRetry={jest.fn()}
        onRetryOne={onRetryOne}
        onDiscard={onDiscard}
      />,
    )
    expect(screen.getByText(/施工现场安全监督.*错误码 -504003/)).toBeInTheDocument()
    fireEvent.click(screen.getByLabelText('重新提交这条打卡'))
    expect(onRetryOne).toHaveBeenCalledWith('req-aaaaaaaa')
    fireEvent.click(screen.getByLabelText('删除这条打卡'))
    expect(onDiscard).toHaveBeenCalledWith('req-aaaaaaaa')
  })
})
