import Taro from '@tarojs/taro'

/** A short success toast; WeChat shows at most seven characters beside the tick. */
export function showSuccessToast(title: string): void {
  void Taro.showToast({ title, icon: title.length <= 7 ? 'success' : 'none', duration: 1800 })
}
