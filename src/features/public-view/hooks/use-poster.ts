import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { PublicProjectView } from '@contract/api'
import { tellRefusal } from '@/services/privacy'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { fetchPosterCode } from '../api/fetch-poster-code'
import { POSTER_HEIGHT, POSTER_WIDTH, drawPoster, type PosterContext } from '../poster'

export const POSTER_CANVAS_ID = 'public-poster'

const errMsg = (e: unknown) =>
  String((e as { errMsg?: unknown })?.errMsg ?? (e instanceof Error ? e.message : (e ?? '')))

/** A data URL as a path the canvas can draw: a file in the user data folder on weapp, as it is elsewhere. */
async function drawable(dataUrl: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return dataUrl
  const filePath = `${(Taro.env as { USER_DATA_PATH?: string }).USER_DATA_PATH ?? ''}/poster-code.png`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: dataUrl.replace(/^data:image\/\w+;base64,/, ''),
      encoding: 'base64',
      success: () => resolve(),
      fail: reject,
    }),
  )
  return filePath
}

/**
 * Saves the poster to the album; a refusal is explained in words, with the way to allow it (设置), and a
 * person who cancelled is left alone. True when saved.
 */
export async function saveToAlbum(filePath: string): Promise<boolean> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    showSuccessToast('海报已保存到相册')
    return true
  } catch (e) {
    // A refused permission or privacy question is told with how to allow it; the person's own cancel is not.
    if (tellRefusal(e, 'saveImageToPhotosAlbum') || /cancel/i.test(errMsg(e))) return false
    void Taro.showToast({ title: '海报保存失败，请稍后再试', icon: 'none', duration: 2000 })
    return false
  }
}

/** 保存海报: fetches the page's 小程序码, draws the poster on the page's canvas and saves it to the album. */
export function usePoster(projectId: string) {
  const [busy, setBusy] = useState(false)
  const make = async (view: PublicProjectView) => {
    if (busy) return
    setBusy(true)
    try {
      const code = await fetchPosterCode(projectId)
      const qrPath = await drawable(code.image)
      const ctx = Taro.createCanvasContext(POSTER_CANVAS_ID) as unknown as PosterContext
      await new Promise<void>((resolve) =>
        drawPoster(
          ctx,
          {
            title: view.title,
            slogan: view.slogan,
            branchName: view.branchName,
            progress: view.progress,
            qrPath,
          },
          resolve,
        ),
      )
      const { tempFilePath } = await Taro.canvasToTempFilePath({
        canvasId: POSTER_CANVAS_ID,
        width: POSTER_WIDTH,
        height: POSTER_HEIGHT,
        destWidth: POSTER_WIDTH * 2,
        destHeight: POSTER_HEIGHT * 2,
      })
      await saveToAlbum(tempFilePath)
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }
  return { busy, make }
}
