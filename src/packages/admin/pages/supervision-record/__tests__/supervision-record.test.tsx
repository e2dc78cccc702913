import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RecordDetail } from '@contract/api'
import RecordPage from '../index'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { secretary } from '../../../../../../test/dom/fixtures'
import { uploadPhotos } from '@/services/upload-file'
import { useSession } from '@/stores/session'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/upload-file', () => ({ uploadPhotos: jest.fn() }))

const record = (over: Partial<RecordDetail['followUps'][number]> = {}): RecordDetail => ({
  mergedNote: null,
  id: 'sr-1',
  branchId: 'b-yunwei',
  branchName: '运维部党支部',
  projectId: null,
  projectTitle: '',
  method: 'phone',
  date: '2026-06-01',
  time: '09:30',
  contactName: '王建国',
  findings: '项目推进正常，台账需补充现场照片。',
  supervisorName: '赵振华',
  photos: [],
  createdAt: '2026-06-01T01:30:00.000Z',
  followUps: [
    {
      id: 'f1',
      text: '补充现场照片到台账',
      owner: { id: secretary.id, name: '王建国' },
      deadline: '2026-06-08',
      status: 'open',
      overdue: false,
      note: '',
      photos: [],
      closedAt: null,
      canClose: true,
      ...over,
    },
  ],
})

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'sr-1' })
  useSession.setState({ me: secretary })
})

describe('督导记录 detail', () => {
  it('says where a record of a merged branch came from', async () => {
    answer({
      'supervision.getRecord': { ...record(), mergedNote: '原「营销部党支部」记录，2026年12月4日并入' },
    })
    render(<RecordPage />)
    expect(await screen.findByText('原「营销部党支部」记录，2026年12月4日并入')).toBeInTheDocument()
  })

  it('shows the contact and lets the owner close a follow-up with a photo', async () => {
    const photo = `cloud://local.localcloud/uploads/${secretary.id}/one-photo.jpg`
    answer({
      'supervision.getRecord': [
        record(),
        record({ status: 'closed', canClose: false, note: '已补充', photos: [photo] }),
      ],
      'supervision.closeFollowUp': { id: 'sr-1', followUpId: 'f1', openFollowUps: 0, version: 2 },
    })
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:one'] })
    ;(uploadPhotos as jest.Mock).mockResolvedValue([photo])
    render(<RecordPage />)
    expect(await screen.findByText('电话调度 · 运维部党支部')).toBeInTheDocument()
    expect(screen.getByText('责任人 王建国 · 时限 2026-06-08')).toBeInTheDocument()
    expect(screen.getByText('待跟进')).toBeInTheDocument()

    // A note is required, said in words, and nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: '提交完成情况' }))
    expect(await screen.findByText('请填写完成情况')).toBeInTheDocument()
    expect(payloadsOf('supervision.closeFollowUp')).toHaveLength(0)

    fireEvent.click(screen.getByLabelText('添加照片'))
    expect(await screen.findByLabelText('照片 1')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('完成情况'), { target: { value: '已补充' } })
    fireEvent.click(screen.getByRole('button', { name: '提交完成情况' }))
    await waitFor(() =>
      expect(payloadsOf('supervision.closeFollowUp')).toEqual([
        { id: 'sr-1', followUpId: 'f1', note: '已补充', photos: [photo] },
      ]),
    )
    expect(uploadPhotos).toHaveBeenCalledWith(['blob:one'], secretary.id, expect.any(Function))
    expect(await screen.findByText('已完成')).toBeInTheDocument()
    expect(screen.getByText('完成情况：已补充')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '提交完成情况' })).not.toBeInTheDocument()
  })
})

describe('督导记录 without an id', () => {
  it('says no record was named and asks the cloud nothing', async () => {
    setRouterParams({})
    answer({})
    render(<RecordPage />)
    expect(await screen.findByText('没有指定督导记录')).toBeInTheDocument()
    expect(payloadsOf('supervision.getRecord')).toEqual([])
  })
})
