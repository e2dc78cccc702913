import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { WayHome } from '@/components/WayHome'
import { ROUTER_CHANGED, isStranded } from '@/hooks/use-way-home'
import { PAGES, routes } from '@contract/routes'

const getCurrentPages = Taro.getCurrentPages as unknown as jest.Mock

/** Taro H5's router as it pushes or pops a page: the stack changes, then it says so. */
function stackBecomes(...pages: string[]) {
  getCurrentPages.mockReturnValue(pages.map((route) => ({ route })))
  act(() => {
    Taro.eventCenter.trigger(ROUTER_CHANGED, { toLocation: { path: `/${pages[pages.length - 1]}` } })
  })
}

describe('返回首页 (a page opened on its own in the browser)', () => {
  it('is offered only on a non-tab page that is first in the stack', () => {
    expect(isStranded([{ route: `/${PAGES.project}` }])).toBe(true)
    expect(isStranded([{ route: PAGES.publicView }])).toBe(true)
    expect(isStranded([{ route: PAGES.guide }])).toBe(true)
    // A tab page has the tab bar; a page with one behind it has Back; an empty stack is the app starting.
    expect(isStranded([{ route: `/${PAGES.home}` }])).toBe(false)
    expect(isStranded([{ route: PAGES.messages }])).toBe(false)
    expect(isStranded([{ route: PAGES.home }, { route: PAGES.project }])).toBe(false)
    expect(isStranded([])).toBe(false)
    expect(isStranded([{ route: '' }])).toBe(false)
  })

  it('shows on a shared link, goes home on a tap, and follows the stack as pages come and go', () => {
    getCurrentPages.mockReturnValue([{ route: `/${PAGES.publicView}` }])
    render(<WayHome />)
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: routes.home })

    // From the shared page the person opens another one: Back exists now, so the bar goes.
    stackBecomes(PAGES.publicView, PAGES.project)
    expect(screen.queryByRole('button', { name: '返回首页' })).toBeNull()
    // Back to the shared page: it is alone again.
    stackBecomes(PAGES.publicView)
    expect(screen.getByRole('button', { name: '返回首页' })).toBeInTheDocument()
    // Home reached: the tab bar is there.
    stackBecomes(PAGES.home)
    expect(screen.queryByRole('button', { name: '返回首页' })).toBeNull()
  })

  it('is not shown when the app opens on a tab page', () => {
    getCurrentPages.mockReturnValue([{ route: PAGES.home }])
    render(<WayHome />)
    expect(screen.queryByText('返回首页')).toBeNull()
  })
})
