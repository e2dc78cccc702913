import Taro from '@tarojs/taro'
import { LOCATION_APIS } from '@domain/private-apis'
import { routes } from '@/routes'

/** One private API the app calls, and what the 用户隐私保护指引 in the mini-program admin must say about it. */
export interface PrivacyDeclaration {
  /** The wx API. */
  api: string
  /** The item to tick in 小程序后台 › 设置 › 服务内容声明 › 用户隐私保护指引. */
  info: string
  /** The purpose written there, and shown on the 隐私保护指引 page. */
  purpose: string
  /** How a person who refused allows it later. */
  allowLater: string
}

const SETTINGS = '点右上角「···」›「设置」打开对应权限后再试'

/**
 * Every private API the app calls. A test fails when src calls one that is missing here; README lists the same
 * items for the admin, and the location APIs also go into app.json's requiredPrivateInfos.
 */
export const PRIVACY_DECLARATIONS: readonly PrivacyDeclaration[] = [
  {
    api: 'chooseImage',
    info: '选中的照片或视频信息',
    purpose: '打卡写实、里程碑佐证上传现场照片',
    allowLater: `照片：${SETTINGS}（相册、相机）`,
  },
  {
    api: 'chooseMedia',
    info: '选中的照片或视频信息',
    purpose: '微党课上传视频',
    allowLater: `视频：${SETTINGS}（相册、相机）`,
  },
  {
    api: 'chooseMessageFile',
    info: '选中的文件',
    purpose: '导入党员名册（Excel）、微党课上传音频',
    allowLater: '文件：请在隐私保护指引中同意后，从聊天记录中选择文件',
  },
  {
    api: 'saveImageToPhotosAlbum',
    info: '相册（仅写入）权限',
    purpose: '保存四公开海报到相册，张贴在公示栏',
    allowLater: `相册：${SETTINGS}（添加到相册）`,
  },
  {
    api: 'chooseLocation',
    info: '位置信息',
    purpose: '打卡写实时标注活动地点（可不填）',
    allowLater: `位置：${SETTINGS}（位置信息）`,
  },
]

/** Location APIs WeChat also wants named in app.json `requiredPrivateInfos` (check:deploy reads the same list). */
export { LOCATION_APIS }

export const REQUIRED_PRIVATE_INFOS = PRIVACY_DECLARATIONS.map((d) => d.api).filter((api) =>
  LOCATION_APIS.includes(api),
)

function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { errMsg, message } = error as { errMsg?: unknown; message?: unknown }
    return String(errMsg ?? message ?? '')
  }
  return String(error ?? '')
}

/**
 * What to tell a person whose picker failed: null when they simply closed it; else why, and how to allow it later.
 * WeChat: errno 104 / "privacy permission is not authorized" = the privacy pop-up was refused; 112 / "not declared"
 * = the admin's 隐私保护指引 lacks the API; "auth deny" = the system permission was refused.
 */
export function refusalMessage(error: unknown, api: string): string | null {
  const text = errorText(error)
  const errno = typeof error === 'object' && error !== null ? (error as { errno?: unknown }).errno : undefined
  const declared = PRIVACY_DECLARATIONS.find((d) => d.api === api)
  const later = declared?.allowLater ?? SETTINGS
  if (errno === 112 || /privacy api banned|not declared/i.test(text))
    return '小程序的隐私保护指引未声明此功能，请联系管理员'
  if (errno === 104 || /privacy permission is not authorized|privacy agreement/i.test(text))
    return `你没有同意隐私保护指引，无法使用此功能。可在「我的 › 隐私保护指引」中同意后重试`
  if (/auth deny|auth denied|authorize no response|permission/i.test(text)) return `你拒绝了授权。${later}`
  if (/cancel/i.test(text)) return null
  return null
}

/** Tells the person why a picker did nothing, if it was not their own cancel; true when something was said. */
export function tellRefusal(error: unknown, api: string): boolean {
  const message = refusalMessage(error, api)
  if (!message) return false
  void Taro.showModal({ title: '无法使用此功能', content: message, showCancel: false, confirmText: '知道了' })
  return true
}

// ---- WeChat's privacy pop-up --------------------------------------------------------------------------------

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve | null = null

/** The id of the <Button openType="agreePrivacyAuthorization"> on the privacy page (WeChat checks it). */
export const AGREE_BUTTON_ID = 'privacy-agree'

/** The privacy page, which shows the guide and the agree button. */
export const PRIVACY_PAGE = routes.privacy

/**
 * WeChat asks before the first private API of a session when the person has not agreed yet: open the privacy
 * page, which answers through `answerPrivacy`. weapp only.
 */
export function listenForPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const wxApi = (
    globalThis as { wx?: { onNeedPrivacyAuthorization?: (cb: (resolve: Resolve) => void) => void } }
  ).wx
  wxApi?.onNeedPrivacyAuthorization?.((resolve) => {
    pending = resolve
    void Taro.navigateTo({ url: `${PRIVACY_PAGE}?ask=1` })
  })
}

/** Whether WeChat is waiting for an answer (the page shows 同意 / 拒绝 only then). */
export const privacyQuestionOpen = (): boolean => pending !== null

/** The person's answer to WeChat's question; a refusal also says how to agree later. */
export function answerPrivacy(agree: boolean): void {
  const resolve = pending
  pending = null
  if (!resolve) return
  if (agree) resolve({ event: 'agree', buttonId: AGREE_BUTTON_ID })
  else {
    resolve({ event: 'disagree' })
    void Taro.showToast({
      title: '已拒绝，相关功能不可用。可在「我的 › 隐私保护指引」中同意',
      icon: 'none',
      duration: 3000,
    })
  }
}
