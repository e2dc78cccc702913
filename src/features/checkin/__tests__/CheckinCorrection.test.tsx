import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CheckinCorrected, CheckinView } from '@contract/api'
import { CheckinCard } from '../components/CheckinCard'
import { CheckinCorrection } from '../components/CheckinCorrection'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/upload-file', () => ({ uploadFile: jest.fn() }))
const uploadFile = jest.requireMock('@/services/upload-file').uploadFile as jest.Mock
const chooseImage = Taro.chooseImage as unknown as jest.Mock
const showModal = Taro.showModal as unknown as jest.Mock

const now = new Date('2026-03-02T04:00:00.000Z')
const checkin = (over: Partial<CheckinView> = {}): CheckinView => ({
  id: 'ck-1',
  person: { id: 'p-li', name: '李海燕' },
  project: { id: 'prj-001', title: '“党建+供电服务”连心桥' },
  task: { id: 'task-1', title: '走访社区' },
  milestone: null,
  text: '走访了 12 户居民',
  photos: ['cloud://env/uploads/p-li/a.jpg'],
  at: '2026-03-02T01:00:00.000Z',
  day: '2026-03-02',
  place: null,
  withdrawn: false,
  withdrawnAt: null,
  editedAt: null,
  // 5 hours 30 minutes left.
  correctable: '2026-03-02T09:30:00.000Z',
  versions: [],
  ...over,
})
const figures = {
  total: 3,
  streak: 1,
  longestStreak: 2,
  lastDay: '2026-03-02',
  checkedInToday: true,
  today: '2026-03-02',
}

beforeEach(() => {
  resetCloud()
  showModal.mockClear()
  uploadFile.mockReset()
})

describe('CheckinCorrection', () => {
  it('shows the time left with 修改 and 撤回, and nothing once it may not be corrected', () => {
    const { rerender } = render(
      <CheckinCorrection checkin={checkin()} now={now} onEdited={jest.fn()} onWithdrawn={jest.fn()} />,
    )
    expect(screen.getByText('还可修改 5 小时')).toBeTruthy()
    expect(screen.getByText('修改')).toBeTruthy()
    expect(screen.getByText('撤回')).toBeTruthy()
    rerender(
      <CheckinCorrection
        checkin={checkin({ correctable: null })}
        now={now}
        onEdited={jest.fn()}
        onWithdrawn={jest.fn()}
      />,
    )
    expect(screen.queryByText('撤回')).toBeNull()
  })

  it('asks before withdrawing: cancelling sends nothing, confirming withdraws', async () => {
    const onWithdrawn = jest.fn()
    const withdrawn: CheckinCorrected = { checkin: checkin({ withdrawn: true, correctable: null }), figures }
    answer({ 'checkins.withdrawCheckin': withdrawn })
    render(<CheckinCorrection checkin={checkin()} now={now} onEdited={jest.fn()} onWithdrawn={onWithdrawn} />)

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('撤回'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤回这条打卡' }))
    expect(payloadsOf('checkins.withdrawCheckin')).toEqual([])
    expect(onWithdrawn).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('撤回'))
    await waitFor(() => expect(onWithdrawn).toHaveBeenCalledWith(withdrawn))
    expect(payloadsOf('checkins.withdrawCheckin')).toEqual([{ id: 'ck-1' }])
  })

  it('edits the text in place, keeping photos and place, and says when the text is empty', async () => {
    const onEdited = jest.fn()
    const edited: CheckinCorrected = { checkin: checkin({ text: '走访了 15 户居民' }), figures }
    answer({ 'checkins.editCheckin': edited })
    render(<CheckinCorrection checkin={checkin()} now={now} onEdited={onEdited} onWithdrawn={jest.fn()} />)
    fireEvent.click(screen.getByText('修改'))
    const field = screen.getByDisplayValue('走访了 12 户居民')
    fireEvent.input(field, { target: { value: '' } })
    fireEvent.click(screen.getByText('保存修改'))
    expect(await screen.findByText('请填写打卡内容')).toBeTruthy()
    expect(payloadsOf('checkins.editCheckin')).toEqual([])

    fireEvent.input(field, { target: { value: '走访了 15 户居民' } })
    fireEvent.click(screen.getByText('保存修改'))
    await waitFor(() => expect(onEdited).toHaveBeenCalledWith(edited))
    expect(payloadsOf('checkins.editCheckin')).toEqual([
      { id: 'ck-1', text: '走访了 15 户居民', photos: ['cloud://env/uploads/p-li/a.jpg'] },
    ])
  })
})

describe('CheckinCorrection photos', () => {
  it("removes a photo and adds one, uploaded as it is chosen into the author's folder, and saves both", async () => {
    const onEdited = jest.fn()
    const edited: CheckinCorrected = {
      checkin: checkin({ photos: ['cloud://env/uploads/p-li/b.jpg'] }),
      figures,
    }
    answer({ 'checkins.editCheckin': edited })
    let finish: (id: string) => void = () => undefined
    uploadFile.mockImplementationOnce(() => new Promise<string>((resolve) => (finish = resolve)))
    chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:photo-new.jpg'] })
    render(
      <CheckinCorrection
        checkin={checkin({ photos: ['cloud://env/uploads/p-li/a.jpg', 'cloud://env/uploads/p-li/c.jpg'] })}
        now={now}
        onEdited={onEdited}
        onWithdrawn={jest.fn()}
      />,
    )
    fireEvent.click(screen.getByText('修改'))
    expect(screen.getByText('现场照片（选填，最多 9 张）')).toBeTruthy()
    expect(screen.getByLabelText('照片 2')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('删除照片 2'))
    expect(screen.queryByLabelText('照片 2')).toBeNull()

    fireEvent.click(screen.getByLabelText('添加照片'))
    await waitFor(() => expect(uploadFile).toHaveBeenCalledWith('blob:photo-new.jpg', 'p-li'))
    expect(chooseImage).toHaveBeenLastCalledWith(expect.objectContaining({ count: 8 }))
    // While the photo is on its way, 保存 waits for it.
    expect(await screen.findByText('正在上传照片…')).toBeTruthy()
    fireEvent.click(screen.getByText('正在上传照片…'))
    expect(payloadsOf('checkins.editCheckin')).toEqual([])
    finish('cloud://env/uploads/p-li/b.jpg')
    fireEvent.click(await screen.findByText('保存修改'))
    await waitFor(() => expect(onEdited).toHaveBeenCalledWith(edited))
    expect(payloadsOf('checkins.editCheckin')).toEqual([
      {
        id: 'ck-1',
        text: '走访了 12 户居民',
        photos: ['cloud://env/uploads/p-li/a.jpg', 'cloud://env/uploads/p-li/b.jpg'],
      },
    ])
  })

  it("offers no more photos at the create form's limit of 9, and 取消 puts the photos back", () => {
    const nine = Array.from({ length: 9 }, (_, k) => `cloud://env/uploads/p-li/${k}.jpg`)
    render(
      <CheckinCorrection
        checkin={checkin({ photos: nine })}
        now={now}
        onEdited={jest.fn()}
        onWithdrawn={jest.fn()}
      />,
    )
    fireEvent.click(screen.getByText('修改'))
    expect(screen.getByLabelText('照片 9')).toBeTruthy()
    expect(screen.queryByLabelText('添加照片')).toBeNull()
    fireEvent.click(screen.getByLabelText('删除照片 1'))
    expect(screen.getByLabelText('添加照片')).toBeTruthy()
    fireEvent.click(screen.getByText('取消'))
    fireEvent.click(screen.getByText('修改'))
    expect(screen.getByLabelText('照片 9')).toBeTruthy()
    expect(screen.queryByLabelText('添加照片')).toBeNull()
  })
})

describe('CheckinCard for the secretary', () => {
  it('marks a withdrawn check-in and opens the earlier versions of an edited one', () => {
    render(
      <>
        <CheckinCard
          checkin={checkin({ id: 'w', withdrawn: true, withdrawnAt: '2026-03-02T02:00:00.000Z' })}
        />
        <CheckinCard
          checkin={checkin({
            id: 'e',
            text: '第三稿',
            editedAt: '2026-03-02T03:00:00.000Z',
            versions: [
              { text: '第一稿', photos: [], place: null, until: '2026-03-02T02:00:00.000Z' },
              { text: '第二稿', photos: [], place: null, until: '2026-03-02T03:00:00.000Z' },
            ],
          })}
        />
      </>,
    )
    expect(screen.getByText(/已撤回.*不计入统计/)).toBeTruthy()
    expect(screen.queryByText('第一稿')).toBeNull()
    fireEvent.click(screen.getByText('查看修改记录（2）'))
    expect(screen.getByText('第一稿')).toBeTruthy()
    expect(screen.getByText('第二稿')).toBeTruthy()
  })
})
