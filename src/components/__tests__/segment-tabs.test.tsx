import { useState } from 'react'
import { fireEvent, render, screen, within } from '@testing-library/react'
import { SegmentTabs, type SegmentTab } from '@/components/SegmentTabs'

type Key = 'todo' | 'done' | 'all'
const TABS: SegmentTab<Key>[] = [
  { key: 'todo', label: '待审批', count: 3 },
  { key: 'done', label: '已处理', count: 0 },
  { key: 'all', label: '全部' },
]

function Inbox({ onChange }: { onChange: (key: Key) => void }) {
  const [tab, setTab] = useState<Key>('todo')
  return (
    <>
      <SegmentTabs
        tabs={TABS}
        value={tab}
        onChange={(key) => {
          onChange(key)
          setTab(key)
        }}
      />
      <p>正在看：{tab}</p>
    </>
  )
}

describe('SegmentTabs', () => {
  it('shows each tab by name with its count, the selected one marked, in a tab list', () => {
    render(<Inbox onChange={jest.fn()} />)
    const list = screen.getByRole('tablist')
    expect(
      within(list)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['待审批3', '已处理0', '全部'])
    const todo = screen.getByRole('tab', { name: '待审批' })
    expect(todo).toHaveClass('segment-tabs__tab--active', 'nut-tabs-titles-item-active')
    expect(screen.getByRole('tab', { name: '全部' })).not.toHaveClass('segment-tabs__tab--active')
    // A count of zero is still said: nothing waits there.
    expect(within(screen.getByRole('tab', { name: '已处理' })).getByText('0')).toBeInTheDocument()
  })

  it('selects the tab tapped and tells the page', () => {
    const onChange = jest.fn()
    render(<Inbox onChange={onChange} />)
    fireEvent.click(screen.getByRole('tab', { name: '全部' }))
    expect(onChange).toHaveBeenCalledWith('all')
    expect(screen.getByText('正在看：all')).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: '全部' })).toHaveClass('segment-tabs__tab--active')
    expect(screen.getByRole('tab', { name: '待审批' })).not.toHaveClass('segment-tabs__tab--active')
  })
})
