import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Taro from '@tarojs/taro'
import {
  LOCATION_APIS,
  PRIVACY_DECLARATIONS,
  REQUIRED_PRIVATE_INFOS,
  answerPrivacy,
  listenForPrivacyAuthorization,
  privacyQuestionOpen,
  refusalMessage,
  tellRefusal,
} from '../privacy'

const src = join(__dirname, '..', '..')
const root = join(src, '..')

/** WeChat's private APIs (用户隐私保护指引 › 涉及的接口): calling one needs it declared in the admin. */
const PRIVATE_APIS = [
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'previewMedia',
  'getClipboardData',
  'setClipboardData',
  'startRecord',
  'getRecorderManager',
  'createCameraContext',
  'scanCode',
  'getWeRunData',
  'chooseInvoice',
  'chooseInvoiceTitle',
  'chooseLicensePlate',
  'openBluetoothAdapter',
  'startWifi',
  'addPhoneContact',
  'addPhoneCalendar',
  'getUserProfile',
  ...LOCATION_APIS,
]

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name)
    if (statSync(file).isDirectory()) return name === '__tests__' ? [] : sources(file)
    return /\.tsx?$/.test(name) ? [file] : []
  })
}

/** The private APIs `code` calls as Taro.x / wx.x. */
function privateApisCalled(code: string): string[] {
  return PRIVATE_APIS.filter((api) => new RegExp(`\\b(?:Taro|wx)\\s*\\.\\s*${api}\\b`).test(code))
}

describe('every private API the app calls is declared', () => {
  const used = [...new Set(sources(src).flatMap((f) => privateApisCalled(readFileSync(f, 'utf8'))))].sort()

  it('finds the pickers the app uses (the scan works)', () => {
    expect(used).toEqual(expect.arrayContaining(['chooseImage', 'chooseLocation', 'chooseMessageFile']))
    expect(privateApisCalled('await Taro.getLocation({})')).toEqual(['getLocation'])
  })

  it('in the privacy declarations (the 隐私保护指引 page and README)', () => {
    const declared = PRIVACY_DECLARATIONS.map((d) => d.api)
    expect(used.filter((api) => !declared.includes(api))).toEqual([])
  })

  it('and location APIs in app.config.ts requiredPrivateInfos', () => {
    const config = readFileSync(join(src, 'app.config.ts'), 'utf8')
    const listed = /requiredPrivateInfos:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? ''
    const names = [...listed.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort()
    expect(names).toEqual([...REQUIRED_PRIVATE_INFOS].sort())
    expect(used.filter((api) => LOCATION_APIS.includes(api) && !names.includes(api))).toEqual([])
  })

  it('and README lists each item for the admin', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    for (const d of PRIVACY_DECLARATIONS) expect(readme).toContain(`\`${d.api}\``)
  })
})

describe('refusals are told, with how to allow it later', () => {
  it('says nothing when the person just closed the picker', () => {
    expect(refusalMessage({ errMsg: 'chooseLocation:fail cancel' }, 'chooseLocation')).toBeNull()
  })

  it('explains a refused system permission and where to allow it', () => {
    const m = refusalMessage({ errMsg: 'chooseLocation:fail auth deny' }, 'chooseLocation')
    expect(m).toContain('你拒绝了授权')
    expect(m).toContain('「设置」')
    expect(m).toContain('位置信息')
  })

  it('explains a refused privacy question and an undeclared API', () => {
    expect(
      refusalMessage(
        { errno: 104, errMsg: 'chooseImage:fail privacy permission is not authorized' },
        'chooseImage',
      ),
    ).toContain('隐私保护指引')
    expect(
      refusalMessage({ errno: 112, errMsg: 'chooseImage:fail api scope is not declared' }, 'chooseImage'),
    ).toContain('未声明此功能')
  })

  it('shows the message in a dialog', () => {
    const showModal = Taro.showModal as unknown as jest.Mock
    showModal.mockClear()
    expect(tellRefusal({ errMsg: 'chooseLocation:fail auth deny' }, 'chooseLocation')).toBe(true)
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('位置') }),
    )
  })
})

/** Listens on weapp, then has the fake WeChat ask; answers WeChat's resolve. */
function askedByWeChat(): jest.Mock {
  let ask: ((resolve: (r: unknown) => void) => void) | undefined
  ;(globalThis as { wx?: unknown }).wx = { onNeedPrivacyAuthorization: (cb: typeof ask) => (ask = cb) }
  process.env.TARO_ENV = 'weapp'
  listenForPrivacyAuthorization()
  const resolve = jest.fn()
  ask?.(resolve)
  return resolve
}

describe("WeChat's privacy question", () => {
  const originalEnv = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = originalEnv
    delete (globalThis as { wx?: unknown }).wx
  })

  it('opens the privacy page on weapp and answers WeChat with the agree button', () => {
    const resolve = askedByWeChat()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index?ask=1' })
    expect(privacyQuestionOpen()).toBe(true)
    answerPrivacy(true)
    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(privacyQuestionOpen()).toBe(false)
  })

  it('tells a person who refuses how to agree later', () => {
    const resolve = askedByWeChat()
    answerPrivacy(false)
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: expect.stringContaining('隐私保护指引') }),
    )
  })

  it('is not listened for outside WeChat', () => {
    const on = jest.fn()
    ;(globalThis as { wx?: unknown }).wx = { onNeedPrivacyAuthorization: on }
    process.env.TARO_ENV = 'h5'
    listenForPrivacyAuthorization()
    expect(on).not.toHaveBeenCalled()
  })
})
