import { readFileSync, readdirSync, statSync } from 'fs'
import { join, relative, resolve } from 'path'
import { readConfig } from '@tarojs/helper'
import { PAGES, TAB_PAGES, isTabPage, routes } from '../routes'
import { INVITE_PAGE } from '../../domain/invites'
import { PUBLIC_PAGE } from '../../domain/mini-code'

const root = resolve(__dirname, '../..')

interface AppConfig {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

// Read app.config.ts the way Taro's build reads it (esbuild + swc), so the test sees the pages the build sees.
const config = readConfig(join(root, 'src/app.config.ts')) as AppConfig
const mainPages = config.pages
const allPages = [
  ...mainPages,
  ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
]

/** The page path of every route: strings as they are, builders called with sample ids. */
const routePaths = Object.entries(routes).map(([name, route]) => {
  const url =
    typeof route === 'string' ? route : (route as (...args: unknown[]) => string)('id-1', 'id-2', 'id-3')
  return [name, url.split('?')[0]] as const
})

describe('the route table (types/routes.ts) and app.config.ts', () => {
  it('every page in the table is a page of app.config.ts, and every app.config.ts page is in the table', () => {
    const table = Object.values(PAGES)
    expect(new Set(table).size).toBe(table.length)
    expect([...allPages].sort()).toEqual([...table].sort())
    expect(allPages.length).toBe(table.length)
  })

  it('the app opens on 首页, and the tab bar lists main-package pages of the table', () => {
    expect(mainPages[0]).toBe(PAGES.home)
    const tabs = config.tabBar?.list.map((t) => t.pagePath) ?? []
    expect(tabs).toEqual([PAGES.home, PAGES.checkin, PAGES.approvals, PAGES.messages, PAGES.mine])
    expect(tabs).toEqual(TAB_PAGES.map((name) => PAGES[name]))
    for (const tab of tabs) expect(isTabPage(`/${tab}?stamp=1`)).toBe(true)
    expect(isTabPage(routes.project('prj-1'))).toBe(false)
    expect(isTabPage(PAGES.guide)).toBe(false)
    for (const tab of tabs) expect(mainPages).toContain(tab)
  })

  it.each(routePaths)('route %s opens a page of app.config.ts (%s)', (_name, path) => {
    expect(path.startsWith('/')).toBe(true)
    expect(allPages).toContain(path.slice(1))
  })

  it('the pages a 小程序码 opens are pages of app.config.ts, without a leading slash', () => {
    expect(allPages).toContain(INVITE_PAGE)
    expect(allPages).toContain(PUBLIC_PAGE)
  })

  it('builders keep ids and queries encoded', () => {
    expect(routes.project('a b/c')).toBe('/pages/project/index?id=a%20b%2Fc')
    expect(routes.newSupervisionRecord({ branchId: 'br-1', method: 'inspection' })).toBe(
      '/packages/admin/pages/supervision-record-new/index?branchId=br-1&method=inspection',
    )
    expect(routes.checkinNew('p', 't')).toBe('/pages/checkin-new/index?projectId=p&taskId=t')
  })
})

describe('no page path is written by hand outside the route table', () => {
  const PATH = /['"`]\/?(pages|packages\/[\w-]+\/pages)\/[\w-]+\/index\b/
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      if (name === 'node_modules' || name === '__tests__') return []
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : []
    })
  const production = ['src', 'domain', 'types', 'cloudfunctions', 'localcloud'].flatMap((d) =>
    files(join(root, d)),
  )

  it('in src, domain, types, cloudfunctions and localcloud (tests aside)', () => {
    const written = production
      .filter((file) => !file.endsWith(join('types', 'routes.ts')))
      .filter((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .some((line) => PATH.test(line)),
      )
      .map((file) => relative(root, file))
    expect(written).toEqual([])
  })
})
