import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { BranchView } from '@contract/api'
import { useSession } from '@/stores/session'
import EditLecturePage from '../index'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import {
  committeeMember,
  IMAGE_ID,
  lecture,
  SAFETY_QUIZ,
  yunweiMember,
  yunweiSecretary,
} from '@/features/lectures/__tests__/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/upload-file', () => ({ uploadFile: jest.fn() }))

const uploadFile = jest.requireMock('@/services/upload-file').uploadFile as jest.Mock

const branches: BranchView[] = [
  { id: 'b-yunwei', name: '运维部党支部', kind: 'branch', parentId: 'c-1', memberCount: 12 },
  { id: 'b-chengqu', name: '城区供电所党支部', kind: 'branch', parentId: 'c-1', memberCount: 15 },
]
const saved = (problems: string[] = []) => ({ id: 'lec-new', status: 'draft', version: 1, problems })
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
const showModal = Taro.showModal as unknown as jest.Mock

beforeEach(() => {
  resetCloud()
  setRouterParams({})
  useSession.setState({ me: null })
})

describe('编辑微讲坛 (new, by a secretary)', () => {
  it('turns the typed body into paragraphs, headings and lists, for the secretary’s own branch', async () => {
    answer({ 'org.whoami': yunweiSecretary, 'org.listBranches': { branches }, 'lectures.saveDraft': saved() })
    render(<EditLecturePage />)

    expect(await screen.findByText('运维部党支部（支部书记面向本支部发布）')).toBeInTheDocument()
    type('标题', '“1+N”安全帮扶')
    type('主讲人', '周晓东')
    type('简介', '运维部的安全帮扶做法')
    type('正文', '# 怎么帮\n党员结对新员工。\n- 讲清危险点\n- 讲清控制措施')
    fireEvent.click(screen.getByRole('button', { name: '增加最少学习时长' }))
    expect(screen.getByText('有修改未保存')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))

    await waitFor(() => expect(payloadsOf('lectures.saveDraft')).toHaveLength(1))
    expect(payloadsOf('lectures.saveDraft')[0]).toEqual({
      branchId: 'b-yunwei',
      title: '“1+N”安全帮扶',
      speaker: '周晓东',
      summary: '运维部的安全帮扶做法',
      body: '<h3>怎么帮</h3>\n<p>党员结对新员工。</p>\n<ul><li>讲清危险点</li><li>讲清控制措施</li></ul>',
      cover: null,
      media: null,
      audience: { scope: 'branches', branchIds: ['b-yunwei'] },
      required: false,
      deadline: null,
      minStudyMinutes: 3,
      quiz: null,
    })
    expect(await screen.findByText('已保存')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存草稿' }))
  })

  it('will not save an unfinished quiz, and names what is wrong beside each question', async () => {
    answer({ 'org.whoami': yunweiSecretary, 'org.listBranches': { branches }, 'lectures.saveDraft': saved() })
    render(<EditLecturePage />)
    await screen.findByLabelText('标题')

    fireEvent.click(screen.getByRole('button', { name: '添加随堂测验' }))
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    expect(screen.getByText('还不能保存，请先修改：')).toBeInTheDocument()
    expect(screen.getByText('· 测验第 1 题：请填写题目')).toBeInTheDocument()
    expect(payloadsOf('lectures.saveDraft')).toHaveLength(0)

    type('第 1 题题目', '发现违章行为时应当？')
    type('第 1 题选项 A', '事后再说')
    type('第 1 题选项 B', '当场纠正')
    expect(screen.getByText('· 测验第 1 题：请设置正确答案')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '第 1 题添加选项' }))
    type('第 1 题选项 C', '视而不见')
    fireEvent.click(screen.getByRole('checkbox', { name: '第 1 题选项 B设为答案' }))
    expect(screen.getByText('✓ 正确答案')).toBeInTheDocument()
    expect(screen.queryByText('还不能保存，请先修改：')).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    await waitFor(() => expect(payloadsOf('lectures.saveDraft')).toHaveLength(1))
    expect(payloadsOf('lectures.saveDraft')[0]).toMatchObject({
      quiz: {
        passMark: 60,
        questions: [
          {
            kind: 'single',
            text: '发现违章行为时应当？',
            options: ['事后再说', '当场纠正', '视而不见'],
            answer: [1],
          },
        ],
      },
    })
  })

  it('shows what the function says is missing, and publishes only after confirming', async () => {
    answer({
      'org.whoami': yunweiSecretary,
      'org.listBranches': { branches },
      'lectures.saveDraft': [saved(['请填写简介', '必学讲坛请设置完成期限']), saved()],
      'lectures.publish': { id: 'lec-new', status: 'published', version: 3 },
    })
    const { container } = render(<EditLecturePage />)
    await screen.findByLabelText('标题')
    type('标题', '安全帮扶')
    fireEvent.click(screen.getByRole('checkbox', { name: '设为必学：否' }))

    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect(await screen.findByText('发布前还需：')).toBeInTheDocument()
    expect(screen.getByText('· 必学讲坛请设置完成期限')).toBeInTheDocument()
    expect(payloadsOf('lectures.publish')).toHaveLength(0)
    expect(showModal).not.toHaveBeenCalled()

    type('简介', '三道小测验')
    const day = container.querySelector('input[type="date"]') as HTMLInputElement
    fireEvent.change(day, { target: { value: '2030-06-30' } })
    expect(screen.getByText('2030-06-30')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '发布' }))

    await waitFor(() => expect(payloadsOf('lectures.publish')).toEqual([{ id: 'lec-new' }]))
    expect(payloadsOf('lectures.saveDraft')[1]).toMatchObject({
      id: 'lec-new',
      required: true,
      deadline: '2030-06-30',
    })
    expect(payloadsOf('lectures.saveDraft')[1]).not.toHaveProperty('branchId')
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布讲坛' }))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/lectures/pages/detail/index?id=lec-new' })
  })
})

describe('编辑微讲坛 (images and media)', () => {
  it('uploads body images and a video as they are chosen, and refuses a file of the wrong type', async () => {
    answer({ 'org.whoami': yunweiSecretary, 'org.listBranches': { branches }, 'lectures.saveDraft': saved() })
    uploadFile.mockImplementation(async (path: string) =>
      path.endsWith('.mp4') ? 'cloud://local.localcloud/uploads/p001/v1.mp4' : IMAGE_ID,
    )
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['wxfile://tmp/photo-1.jpg'] })
    ;(Taro.chooseMedia as jest.Mock)
      .mockResolvedValueOnce({
        tempFiles: [{ tempFilePath: 'wxfile://tmp/clip.mov', size: 1000, duration: 9 }],
      })
      .mockResolvedValueOnce({
        tempFiles: [{ tempFilePath: 'wxfile://tmp/clip.mp4', size: 1000, duration: 12.6 }],
      })
    render(<EditLecturePage />)
    await screen.findByLabelText('标题')

    // The browser build cannot pick audio: it says so instead of offering it.
    expect(screen.queryByRole('button', { name: '添加音频' })).not.toBeInTheDocument()
    expect(screen.getByText(/网页版不能选择音频文件/)).toBeInTheDocument()

    fireEvent.click(screen.getAllByRole('button', { name: '添加照片' })[0])
    expect(await screen.findByLabelText('照片 1')).toHaveAttribute(
      'src',
      '/files/uploads/p058/demo-lecture-photo-1.png',
    )
    expect(uploadFile).toHaveBeenCalledWith('wxfile://tmp/photo-1.jpg', 'p001')

    fireEvent.click(screen.getByRole('button', { name: '添加视频' }))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '视频只能是 MP4 文件' })),
    )
    expect(uploadFile).toHaveBeenCalledTimes(1)

    fireEvent.click(screen.getByRole('button', { name: '添加视频' }))
    expect(await screen.findByText('已添加视频（时长 00:13）')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    await waitFor(() => expect(payloadsOf('lectures.saveDraft')).toHaveLength(1))
    expect(payloadsOf('lectures.saveDraft')[0]).toMatchObject({
      body: `<p><img src="${IMAGE_ID}" alt="" /></p>`,
      media: { kind: 'video', fileId: 'cloud://local.localcloud/uploads/p001/v1.mp4', durationSeconds: 13 },
      cover: null,
    })
  })
})

describe('编辑微讲坛 (existing)', () => {
  it('loads a draft into the form and saves it by its id', async () => {
    setRouterParams({ id: 'lec-002' })
    answer({
      'org.whoami': yunweiSecretary,
      'org.listBranches': { branches },
      'lectures.get': lecture({
        id: 'lec-002',
        title: '安全帮扶',
        status: 'draft',
        can: ['edit', 'publish'],
        audience: { scope: 'branches', branches: [{ id: 'b-yunwei', name: '运维部党支部' }] },
        quiz: SAFETY_QUIZ,
        answerKey: { q1: [0], q2: [0, 1, 3], q3: [1] },
        problems: ['请填写主讲人'],
      }),
      'lectures.saveDraft': { ...saved(), id: 'lec-002' },
    })
    render(<EditLecturePage />)

    expect(await screen.findByLabelText('标题')).toHaveValue('安全帮扶')
    expect(screen.getByLabelText('正文')).toHaveValue(
      '# 抢修一线的党员突击队\n今年入夏以来，突击队累计完成抢修任务一百余次。',
    )
    expect(screen.getByLabelText('照片 1')).toHaveAttribute(
      'src',
      '/files/uploads/p058/demo-lecture-photo-1.png',
    )
    expect(screen.getByText('已添加音频（时长 01:40）')).toBeInTheDocument()
    expect(screen.getByText('· 请填写主讲人')).toBeInTheDocument()
    expect(screen.getByLabelText('第 2 题选项 D')).toHaveValue('作业分工')
    expect(screen.getAllByText('✓ 正确答案')).toHaveLength(5)

    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    await waitFor(() => expect(payloadsOf('lectures.saveDraft')).toHaveLength(1))
    const payload = payloadsOf('lectures.saveDraft')[0] as Record<string, unknown>
    expect(payload).toMatchObject({ id: 'lec-002', title: '安全帮扶' })
    expect(payload).not.toHaveProperty('branchId')
    expect(payload.body).toBe(
      `<h3>抢修一线的党员突击队</h3>\n<p>今年入夏以来，突击队累计完成抢修任务一百余次。</p>\n<p><img src="${IMAGE_ID}" alt="" /></p>`,
    )
  })

  it('shows a published lecture as it is, with 撤回 only', async () => {
    setRouterParams({ id: 'lec-002' })
    answer({
      'org.whoami': yunweiSecretary,
      'org.listBranches': { branches },
      'lectures.get': lecture({ id: 'lec-002', can: ['withdraw'] }),
    })
    render(<EditLecturePage />)

    expect(await screen.findByText('讲坛已发布，内容不能再修改')).toBeInTheDocument()
    expect(screen.getByLabelText('标题')).toBeDisabled()
    expect(screen.queryByRole('button', { name: '保存草稿' })).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '撤回讲坛' }))
    expect(screen.getByRole('dialog', { name: '撤回讲坛' })).toBeInTheDocument()
  })
})

describe('编辑微讲坛 (who may)', () => {
  it('lets the committee choose the whole company or some branches', async () => {
    answer({ 'org.whoami': committeeMember, 'org.listBranches': { branches }, 'lectures.saveDraft': saved() })
    render(<EditLecturePage />)
    expect(await screen.findByRole('radio', { name: '全公司（已选）' })).toBeInTheDocument()

    fireEvent.click(screen.getByRole('radio', { name: '指定支部' }))
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    expect(screen.getByText('· 请选择面向的支部')).toBeInTheDocument()
    expect(payloadsOf('lectures.saveDraft')).toHaveLength(0)

    const chips = screen
      .getAllByRole('group')
      .find((g) => within(g).queryByText('城区供电所党支部')) as HTMLElement
    fireEvent.click(within(chips).getByRole('checkbox', { name: '城区供电所党支部' }))
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    await waitFor(() => expect(payloadsOf('lectures.saveDraft')).toHaveLength(1))
    const payload = payloadsOf('lectures.saveDraft')[0] as Record<string, unknown>
    expect(payload.audience).toEqual({ scope: 'branches', branchIds: ['b-chengqu'] })
    expect(payload).not.toHaveProperty('branchId')
  })

  it('tells a member that only secretaries and the committee publish', async () => {
    answer({ 'org.whoami': yunweiMember })
    render(<EditLecturePage />)
    expect(await screen.findByText('只有支部书记和党委可以发布微讲坛')).toBeInTheDocument()
    expect(screen.queryByLabelText('标题')).not.toBeInTheDocument()
  })
})
