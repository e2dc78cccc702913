import Taro from '@tarojs/taro'

export interface ConfirmOptions {
  title: string
  content: string
  /** At most four characters: WeChat cuts longer button text. */
  confirmText?: string
}

/** Asks before an action that cannot be undone; resolves true only on 确定. */
export async function confirmAction({
  title,
  content,
  confirmText = '确定',
}: ConfirmOptions): Promise<boolean> {
  const res = await Taro.showModal({
    title,
    content,
    confirmText,
    cancelText: '取消',
    confirmColor: '#C8161D',
  })
  return res.confirm
}
