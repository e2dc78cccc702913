import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LedgerJobStatus, LedgerPreview } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import { openSpreadsheet } from '@/services/open-document'
import LedgerPage from '../index'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/open-document', () => ({ openSpreadsheet: jest.fn() }))

const open = openSpreadsheet as jest.Mock

const preview: LedgerPreview = {
  kind: 'branch_year',
  title: '营销党支部 2026 年管理台账',
  fileName: '管理台账-营销党支部-2026年.xlsx',
  branchId: 'b-sales',
  branchName: '营销党支部',
  year: 2026,
  projects: [
    { id: 'prj-001', title: '“党建+供电服务”连心桥', status: 'in_progress', progress: 40 },
    { id: 'prj-002', title: '党员服务队进社区', status: 'closed', progress: 100 },
  ],
  sheets: [
    { name: '台账说明', rows: 6 },
    { name: '立项表', rows: 2 },
    { name: '任务分解', rows: 24 },
    { name: '打卡写实', rows: 5000 },
    { name: '群众评价', rows: 9 },
  ],
}
const file = {
  fileID: 'cloud://local.localcloud/exports/p-wang/abc.xlsx',
  url: 'http://127.0.0.1:8787/files/exports/p-wang/abc.xlsx',
  fileName: '管理台账-营销党支部-2026年.xlsx',
}

/** A promise the test settles by hand, to see the words shown while waiting. */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

beforeEach(() => {
  resetCloud()
  open.mockReset()
  open.mockImplementation(async (_url: string, _name: string, onStage: (s: string) => void) =>
    onStage('downloading'),
  )
  setRouterParams({ branchId: 'b-sales', year: '2026' })
})

describe('管理台账', () => {
  it('shows what the export holds: each sheet with its rows, and the year’s projects', async () => {
    answer({ 'ledger.preview': preview })
    render(<LedgerPage />)

    expect(await screen.findByText('营销党支部 2026 年管理台账')).toBeInTheDocument()
    expect(screen.getByText('营销党支部 · 2026 年 · 项目 2 个')).toBeInTheDocument()
    expect(screen.getByText('文件名：管理台账-营销党支部-2026年.xlsx')).toBeInTheDocument()
    expect(screen.getByText('打卡写实').nextSibling).toHaveTextContent('5,000 条')
    expect(screen.getByText('立项表').nextSibling).toHaveTextContent('2 个项目')
    expect(payloadsOf('ledger.preview')).toEqual([{ branchId: 'b-sales', year: 2026 }])

    fireEvent.click(screen.getByRole('button', { name: '查看项目：党员服务队进社区' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-002' })
  })

  it('exports on 导出, saying what it is doing, then hands the file to be opened', async () => {
    const made = deferred<typeof file>()
    answer({ 'ledger.preview': preview, 'ledger.export': () => made.promise })
    render(<LedgerPage />)
    fireEvent.click(await screen.findByRole('button', { name: '导出' }))

    expect(await screen.findByRole('status')).toHaveTextContent('正在生成台账文件…')
    expect(screen.getByRole('button', { name: '正在导出…' })).toBeDisabled()
    await act(async () => made.resolve(file))

    expect(await screen.findByText(`已导出，浏览器已开始下载：${file.fileName}`)).toBeInTheDocument()
    expect(open).toHaveBeenCalledWith(file.url, file.fileName, expect.any(Function))
    expect(payloadsOf('ledger.export')).toEqual([{ branchId: 'b-sales', year: 2026 }])

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '没有开始下载？再次下载' }))
    })
    expect(open).toHaveBeenCalledTimes(2)
    expect(screen.getByText(`已导出，浏览器已开始下载：${file.fileName}`)).toBeInTheDocument()
    expect(payloadsOf('ledger.export')).toHaveLength(1)
  })

  it('exports one project when opened from its 台账 tab', async () => {
    setRouterParams({ projectId: 'prj-001' })
    answer({
      'ledger.preview': {
        ...preview,
        kind: 'project',
        title: '《“党建+供电服务”连心桥》管理台账',
        projects: [preview.projects[0]],
      },
      'ledger.export': file,
    })
    render(<LedgerPage />)
    expect(await screen.findByText('《“党建+供电服务”连心桥》管理台账')).toBeInTheDocument()
    expect(screen.queryByText('包含的项目')).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '导出' }))
    expect(await screen.findByText(/已导出/)).toBeInTheDocument()
    expect(payloadsOf('ledger.export')).toEqual([{ projectId: 'prj-001' }])
  })

  it('says why an export failed, and when the file could not be opened', async () => {
    answer({
      'ledger.preview': preview,
      'ledger.export': [new CloudError('TIMEOUT', '服务响应超时，请稍后重试'), file],
    })
    open.mockRejectedValueOnce(new Error('no viewer'))
    render(<LedgerPage />)
    fireEvent.click(await screen.findByRole('button', { name: '导出' }))
    expect(await screen.findByText('导出失败：服务响应超时，请稍后重试')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '导出' }))
    expect(await screen.findByText('导出失败：文件已生成，但下载或打开失败，请重试')).toBeInTheDocument()
  })

  describe('a ledger too large for one call', () => {
    const job = {
      jobId: 'lj-1',
      status: 'queued' as LedgerJobStatus,
      title: preview.title,
      fileName: file.fileName,
      total: 12_000,
      done: 0,
      phase: null,
      file: null,
      error: null,
    }

    it('runs as a job, shows how far it has got, then opens the file', async () => {
      const run = deferred<typeof job>()
      answer({
        'ledger.preview': preview,
        'ledger.export': job,
        'ledger.runJob': () => run.promise,
        'ledger.job': [
          { ...job, status: 'running', phase: 'reading', done: 6_000 },
          { ...job, status: 'ready', done: 12_000, file },
        ],
      })
      render(<LedgerPage />)
      fireEvent.click(await screen.findByRole('button', { name: '导出' }))
      expect(await screen.findByText('台账较大，已排队生成，请稍候…')).toBeInTheDocument()
      expect(screen.getByText(/可以先离开本页/)).toBeInTheDocument()
      expect(payloadsOf('ledger.runJob')).toEqual([{ jobId: 'lj-1' }])
      expect(
        await screen.findByText('台账较大，正在读取 6,000 / 12,000 条记录（25%）', undefined, {
          timeout: 5000,
        }),
      ).toBeInTheDocument()
      expect(screen.getByRole('button', { name: '正在导出…' })).toBeDisabled()
      expect(
        await screen.findByText(`已导出，浏览器已开始下载：${file.fileName}`, undefined, { timeout: 5000 }),
      ).toBeInTheDocument()
      expect(open).toHaveBeenCalledWith(file.url, file.fileName, expect.any(Function))
      expect(payloadsOf('ledger.job')).toEqual([{ jobId: 'lj-1' }, { jobId: 'lj-1' }])
      await act(async () => run.resolve({ ...job, status: 'ready' }))
    })

    it('keeps asking when its run is cut off, and says why the job failed', async () => {
      answer({
        'ledger.preview': preview,
        'ledger.export': job,
        'ledger.runJob': new CloudError('TIMEOUT', '服务响应超时，请稍后重试'),
        'ledger.job': { ...job, status: 'failed', error: '台账生成多次超时，请按项目分别导出' },
      })
      render(<LedgerPage />)
      fireEvent.click(await screen.findByRole('button', { name: '导出' }))
      expect(
        await screen.findByText('导出失败：台账生成多次超时，请按项目分别导出', undefined, { timeout: 5000 }),
      ).toBeInTheDocument()
      expect(open).not.toHaveBeenCalled()
      expect(screen.getByRole('button', { name: '导出' })).not.toBeDisabled()
    })

    it('opens at once the workbook made a few minutes ago', async () => {
      answer({ 'ledger.preview': preview, 'ledger.export': { ...job, status: 'ready', done: 12_000, file } })
      render(<LedgerPage />)
      fireEvent.click(await screen.findByRole('button', { name: '导出' }))
      expect(await screen.findByText(`已导出，浏览器已开始下载：${file.fileName}`)).toBeInTheDocument()
      expect(payloadsOf('ledger.runJob')).toEqual([])
    })
  })

  it('tells a member they may not export, without a retry', async () => {
    answer({ 'ledger.preview': new CloudError('FORBIDDEN', '只有本支部书记和党委可以导出管理台账') })
    render(<LedgerPage />)
    expect(await screen.findByText('不能导出该台账')).toBeInTheDocument()
    expect(screen.getByText('只有本支部书记和党委可以导出管理台账')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '导出' })).not.toBeInTheDocument()
  })

  it('says so when the address names no ledger', async () => {
    setRouterParams({})
    answer({})
    render(<LedgerPage />)
    expect(await screen.findByText('无法打开台账')).toBeInTheDocument()
  })
})
