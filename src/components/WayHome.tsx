import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useStranded } from '@/hooks/use-way-home'
import { routes } from '@/routes'
import './way-home.css'

/**
 * 返回首页 for a page opened on its own in the browser (H5): a shared link or a 四公开 QR opens a page with nothing
 * behind it, and H5 has no navigation bar. Rendered once by the app, beside every page. On weapp WeChat's own
 * navigation bar shows its home button for such a page (our pages keep the default navigationStyle), so the app
 * renders this on H5 only.
 */
export function WayHome() {
  const stranded = useStranded()
  if (!stranded) return null
  return (
    <View
      className="way-home"
      ariaRole="button"
      ariaLabel="返回首页"
      onClick={() => void Taro.reLaunch({ url: routes.home })}
    >
      <Text className="way-home__mark">⌂</Text>
      <Text className="way-home__text">返回首页</Text>
    </View>
  )
}
