import { fireEvent, render, screen } from '@testing-library/react'
import { ProjectRow } from '@/components/ProjectRow'

describe('ProjectRow (a project in a committee list)', () => {
  const project = { id: 'pr-7', title: '党员服务队进社区', status: 'in_progress' as const, progress: 40 }

  it('says the title, status and progress, and opens the project on a tap', () => {
    const onOpen = jest.fn()
    render(<ProjectRow project={project} onOpen={onOpen} />)
    expect(screen.getByText('实施中 · 进度 40%')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '查看项目：党员服务队进社区' }))
    expect(onOpen).toHaveBeenCalledWith('pr-7')
  })

  it('adds what the list says about the project after the progress', () => {
    render(<ProjectRow project={project} more=" · 已逾期 2 个节点" onOpen={() => undefined} />)
    expect(screen.getByText('实施中 · 进度 40% · 已逾期 2 个节点')).toBeTruthy()
  })
})
