import { useCallback } from 'react'
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ListFooter } from '@/components/ListFooter'
import { usePagedList, type Chunk } from '@/hooks/use-paged-list'

function Numbers({
  fetch,
  more,
}: {
  fetch: (cursor: number | null) => Promise<Chunk<number, number>>
  more?: 'pull'
}) {
  const fetchChunk = useCallback((cursor: number | null) => fetch(cursor), [fetch])
  const list = usePagedList(fetchChunk, String)
  return (
    <div>
      {list.items.map((n) => (
        <p key={n}>第 {n} 条</p>
      ))}
      <ListFooter list={list} more={more} endText={`共 ${list.total} 条，已全部显示`} />
    </div>
  )
}

const pages: Record<number, Chunk<number, number>> = {
  1: { items: [1, 2], next: 2 },
  2: { items: [3], next: null },
}

describe('ListFooter', () => {
  it('offers 加载更多, says a failed page with 重试, and that all is shown at the end', async () => {
    let fail = true
    const fetch = jest.fn(async (cursor: number | null) => {
      if (cursor === 2 && fail) throw new Error('网络不可用')
      return pages[cursor ?? 1]
    })
    render(<Numbers fetch={fetch} />)
    expect(await screen.findByText('第 2 条')).toBeInTheDocument()

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '加载更多' })))
    expect(Taro.showToast).toHaveBeenCalled()
    expect(screen.getByText('第 2 条')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument()

    fail = false
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '加载失败，重试' })))
    expect(screen.getByText('第 3 条')).toBeInTheDocument()
    expect(screen.getByText('共 3 条，已全部显示')).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('says 上拉加载更多 on a list that grows by pulling up', async () => {
    render(<Numbers fetch={async (cursor) => pages[cursor ?? 1]} more="pull" />)
    expect(await screen.findByText('上拉加载更多')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument()
  })

  it('says 正在加载更多… while the next page is on its way', async () => {
    let answer: (chunk: Chunk<number, number>) => void = () => undefined
    const fetch = (cursor: number | null) =>
      cursor === null ? Promise.resolve(pages[1]) : new Promise<Chunk<number, number>>((r) => (answer = r))
    render(<Numbers fetch={fetch} />)
    await screen.findByText('第 1 条')
    act(() => fireEvent.click(screen.getByRole('button', { name: '加载更多' })))
    expect(screen.getByText('正在加载更多…')).toBeInTheDocument()
    await act(async () => answer(pages[2]))
    expect(screen.getByText('第 3 条')).toBeInTheDocument()
  })
})
