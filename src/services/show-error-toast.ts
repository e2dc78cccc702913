import Taro from '@tarojs/taro'
import { toCloudError } from './cloud-error'

/** One Chinese toast for a failed action, for failures that should not replace the screen. */
export function showErrorToast(error: unknown): void {
  void Taro.showToast({ title: toCloudError(error).message, icon: 'none', duration: 2500 })
}
