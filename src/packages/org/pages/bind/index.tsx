import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { sceneValue } from '@domain/mini-code'
import { normalizeInviteCode, formatInviteCode } from '@domain/invites'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { routes } from '@/routes'
import './index.css'

const goHome = () => void Taro.switchTab({ url: routes.home })

/**
 * 绑定微信: what an invite 小程序码 opens. The code comes in the scene (`c=ABCDEFGH`), is filled in, and one tap
 * binds this WeChat to the member it was made for. Someone already registered is told so and sent home.
 */
export default function BindPage() {
  const params = useRouter().params
  const read = sceneValue(params.scene, 'c')
  const code = read ? normalizeInviteCode(read) : null
  const me = useMe()

  if (me.error?.code === 'NOT_REGISTERED')
    return (
      <View className="bind-page">
        {params.scene && !code ? (
          <Text className="bind-page__notice">无法从小程序码读出邀请码，请手动输入支部书记给你的邀请码</Text>
        ) : null}
        <NotRegistered scannedCode={code ? formatInviteCode(code) : undefined} onRetry={goHome} />
      </View>
    )
  if (me.error) return <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
  if (!me.data || me.loading) return <LoadingState />
  return (
    <View className="bind-page bind-page--done">
      <Text className="bind-page__title">你的微信已登记为{me.data.name}</Text>
      <Text className="bind-page__message">
        {code ? '这个邀请码不用再绑定；如果是为别人生成的，请转交本人扫码。' : '可以直接使用党建项目通。'}
      </Text>
      <Button className="bind-page__home" type="primary" onClick={goHome}>
        进入首页
      </Button>
    </View>
  )
}
