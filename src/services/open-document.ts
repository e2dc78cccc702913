import Taro from '@tarojs/taro'

/** Where fetching a file stands, so the screen can say it in words. */
export type OpenStage = 'downloading' | 'opening'

/**
 * Opens an exported spreadsheet. In WeChat: download it from its temporary link, then open it in the
 * document viewer, whose menu can forward or save it. On H5: the browser downloads it.
 */
export async function openSpreadsheet(
  url: string,
  fileName: string,
  onStage: (stage: OpenStage) => void = () => undefined,
): Promise<void> {
  onStage('downloading')
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url })
    if (res.statusCode !== 200) throw new Error(`download failed: ${res.statusCode}`)
    onStage('opening')
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
