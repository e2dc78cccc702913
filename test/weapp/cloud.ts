import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalcloud, type Localcloud } from '../../localcloud/index'
import { demoOpenid } from '../../localcloud/seed/org'
import { Phone, type Person } from './phone'
import { Screen } from './view'

/** The four kinds of person the app serves, as seeded people of the demo company. */
export const ROLES = ['member', 'secretary', 'committee', 'guest'] as const
export type Role = (typeof ROLES)[number]

/** A Party member and the secretary of the same branch (运维部党支部), a committee member, and a 职工群众. */
export const PEOPLE: Record<Role, Person> = {
  member: { personId: 'p002', openid: demoOpenid('p002') },
  secretary: { personId: 'p001', openid: demoOpenid('p001') },
  committee: { personId: 'p057', openid: demoOpenid('p057') },
  guest: { personId: null, openid: 'weapp-guest-openid' },
}

/** What must never reach a person's screen: a value the page failed to fill, or a fault it did not explain. */
export const BROKEN = /undefined|NaN|\[object |null|网络连接失败|服务暂时不可用|请稍后重试/
export const CHINESE = /[\u4e00-\u9fa5]{4}/

export interface WeappCloud {
  cloud: () => Localcloud
  /** A phone of this person with the app launched (entry page and scene as given). */
  phone: (who: Role | Person, launch?: Parameters<Phone['launch']>[0]) => Promise<Phone>
  /**
   * Opens `route` (with `query`) on a fresh phone of `who`, as a link or a share card would, renders it through its
   * WXML and checks that nothing went wrong on the way: no error logged or thrown, no wx API the host lacks, no
   * page still loading once every call answered. Answers the phone and the rendered text.
   */
  open: (who: Role | Person, route: string, query?: string) => Promise<{ phone: Phone; text: string }>
}

/**
 * A seeded localcloud for one test file (in memory, its own storage folder), under LOCALCLOUD_PROFILE like the
 * integration tests, and phones on it. Every phone is closed after each test; the cloud after the file.
 */
export function setUpWeappCloud(options: { profile?: 'default' | 'cloud' } = {}): WeappCloud {
  let cloud: Localcloud
  const dir = mkdtempSync(join(tmpdir(), 'dj-weapp-'))
  const phones: Phone[] = []
  beforeAll(async () => {
    cloud = await startLocalcloud({
      port: 0,
      dbFile: ':memory:',
      storageDir: join(dir, 'files'),
      seed: true,
      timers: false,
      ...(options.profile ? { profile: options.profile } : {}),
    })
  })
  afterEach(() => {
    for (const p of phones.splice(0)) p.close()
  })
  afterAll(async () => {
    await cloud?.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const phone: WeappCloud['phone'] = async (who, launch) => {
    const p = new Phone(cloud, typeof who === 'string' ? PEOPLE[who] : who)
    phones.push(p)
    await p.launch(launch)
    return p
  }
  return {
    cloud: () => cloud,
    phone,
    async open(who, route, query) {
      const errors: unknown[] = []
      const spy = jest.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args))
      try {
        const p = await phone(who, { path: query ? `${route}?${query}` : route })
        const screen = Screen.of(p)
        const text = screen.text.replace(/\s+/g, ' ').trim()
        screen.close()
        // Errors the app logged or threw, and elements WeChat's templates could not render.
        expect({ route, errors: [...errors, ...p.errors], unsupported: [...p.unsupported] }).toEqual({
          route,
          errors: [],
          unsupported: [],
        })
        // Still loading once every call has answered: a page that never shows anything.
        expect(text).not.toMatch(/^(正在|加载中)[^，。]*…?$/)
        return { phone: p, text }
      } finally {
        spy.mockRestore()
      }
    },
  }
}
