import { render, screen } from '@testing-library/react'
import { detail } from '../../../../test/dom/fixtures'
import { OverviewPanel } from '../components/OverviewPanel'

describe('概况', () => {
  it('names the 调研 problems this version of the proposal takes up, with their field', () => {
    render(
      <OverviewPanel
        project={detail({
          version: 2,
          problemIds: ['sp-1'],
          problems: [{ id: 'sp-1', text: '城区故障报修响应慢，群众等不及修', field: 'harmony' }],
        })}
      />,
    )
    expect(screen.getByText('破解的调研问题')).toBeInTheDocument()
    expect(screen.getByText('第 2 版')).toBeInTheDocument()
    expect(screen.getByText('和谐创建')).toBeInTheDocument()
    expect(screen.getByText('城区故障报修响应慢，群众等不及修')).toBeInTheDocument()
  })

  it('shows no such card when the proposal links none', () => {
    render(<OverviewPanel project={detail()} />)
    expect(screen.queryByText('破解的调研问题')).not.toBeInTheDocument()
  })
})
