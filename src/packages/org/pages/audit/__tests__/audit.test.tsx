import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AuditEntryView } from '@contract/api'
import OrgAuditPage from '../index'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
const modal = Taro.showModal as unknown as jest.Mock

const entry = (over: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id: 'oe-1',
  at: '2026-12-04T02:30:00.000Z',
  actorName: '李党委',
  label: '组织更名',
  summary: '「人资党支部」更名为「人力资源部党支部」',
  before: '人资党支部',
  after: '人力资源部党支部',
  ...over,
})

beforeEach(() => {
  resetCloud()
  modal.mockClear()
})

describe('操作记录与索引', () => {
  it('lists each change with who, when and before/after; a change without them shows its summary alone', async () => {
    answer({
      'org.auditLog': {
        items: [
          entry(),
          entry({
            id: 'oe-2',
            label: '任命书记',
            summary: '任命王五为「运维部党支部」书记',
            before: null,
            after: null,
          }),
        ],
        nextCursor: null,
      },
    })
    render(<OrgAuditPage />)
    expect(await screen.findByText('「人资党支部」更名为「人力资源部党支部」')).toBeInTheDocument()
    expect(screen.getByText('调整前：人资党支部')).toBeInTheDocument()
    expect(screen.getByText('调整后：人力资源部党支部')).toBeInTheDocument()
    expect(screen.getAllByText('2026年12月4日 10:30')).toHaveLength(2)
    expect(screen.getAllByText('操作人：李党委')).toHaveLength(2)
    expect(screen.getByText('任命王五为「运维部党支部」书记')).toBeInTheDocument()
    expect(screen.getAllByText(/^调整前/)).toHaveLength(1)
    expect(screen.getByText('没有更早的记录了')).toBeInTheDocument()
  })

  it('names the secretary and the group leader before and after; an older record of either shows its summary', async () => {
    answer({
      'org.auditLog': {
        items: [
          entry({
            id: 'oe-3',
            label: '设置组长',
            summary: '党小组「运维部第一党小组」暂不设组长',
            before: '赵六',
            after: '（无）',
          }),
          entry({
            id: 'oe-2',
            label: '任命书记',
            summary: '任命王五为「运维部党支部」书记（原书记张三）',
            before: '张三',
            after: '王五',
          }),
          entry({
            id: 'oe-1',
            label: '设置组长',
            summary: '任命赵六为党小组「运维部第一党小组」组长',
            before: null,
            after: null,
          }),
        ],
        nextCursor: null,
      },
    })
    render(<OrgAuditPage />)
    expect(await screen.findByText('任命王五为「运维部党支部」书记（原书记张三）')).toBeInTheDocument()
    expect(screen.getAllByText(/^调整前：/).map((n) => n.textContent)).toEqual([
      '调整前：赵六',
      '调整前：张三',
    ])
    expect(screen.getAllByText(/^调整后：/).map((n) => n.textContent)).toEqual([
      '调整后：（无）',
      '调整后：王五',
    ])
    expect(screen.getByText('任命赵六为党小组「运维部第一党小组」组长')).toBeInTheDocument()
  })

  it('reads earlier changes a page at a time with the shared list footer, until there are no more', async () => {
    answer({
      'org.auditLog': [
        { items: [entry()], nextCursor: 'c-1' },
        {
          items: [entry({ id: 'oe-0', summary: '新建「营销部党支部」', before: null, after: null })],
          nextCursor: null,
        },
      ],
    })
    render(<OrgAuditPage />)
    await screen.findByText('「人资党支部」更名为「人力资源部党支部」')
    expect(screen.queryByText('没有更早的记录了')).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    expect(await screen.findByText('新建「营销部党支部」')).toBeInTheDocument()
    expect(screen.getByText('没有更早的记录了')).toBeInTheDocument()
    expect(payloadsOf('org.auditLog')).toHaveLength(2)
    expect(payloadsOf('org.auditLog')[1]).toMatchObject({ cursor: 'c-1' })
  })

  it('says so when nothing has changed yet', async () => {
    answer({ 'org.auditLog': { items: [], nextCursor: null } })
    render(<OrgAuditPage />)
    expect(await screen.findByText('还没有组织调整')).toBeInTheDocument()
  })

  it('rebuilds the project index batch after batch after asking, showing how far it got', async () => {
    answer({
      'org.auditLog': { items: [], nextCursor: null },
      'org.reindexSearch': [
        { indexed: 200, next: 'prj-200', total: 350 },
        { indexed: 150, next: null, total: 350 },
      ],
    })
    render(<OrgAuditPage />)
    await screen.findByText('还没有组织调整')
    modal.mockResolvedValueOnce({ confirm: false })
    fireEvent.click(screen.getByText('重建项目索引'))
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(payloadsOf('org.reindexSearch')).toHaveLength(0)

    modal.mockResolvedValueOnce({ confirm: true })
    fireEvent.click(screen.getByText('重建项目索引'))
    expect(await screen.findByText('项目：已完成，共处理 350 条')).toBeInTheDocument()
    expect(payloadsOf('org.reindexSearch')).toEqual([
      { kind: 'project' },
      { kind: 'project', cursor: 'prj-200' },
    ])
  })

  it('pauses on a failed batch, says why, and 继续 resumes after the last batch indexed', async () => {
    answer({
      'org.auditLog': { items: [], nextCursor: null },
      'org.reindexSearch': [
        { indexed: 200, next: 'p-200', total: 500 },
        Object.assign(new Error('网络不稳定，请重试'), { code: 'NETWORK' }),
        { indexed: 300, next: null, total: 500 },
      ],
    })
    render(<OrgAuditPage />)
    await screen.findByText('还没有组织调整')
    modal.mockResolvedValueOnce({ confirm: true })
    fireEvent.click(screen.getByText('重建人员索引'))
    expect(await screen.findByText('人员：已处理 200 / 500 条（40%）')).toBeInTheDocument()
    expect(await screen.findByText(/^已暂停：/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('继续'))
    expect(await screen.findByText('人员：已完成，共处理 500 条')).toBeInTheDocument()
    expect(payloadsOf('org.reindexSearch').at(-1)).toEqual({ kind: 'person', cursor: 'p-200' })
  })
})
