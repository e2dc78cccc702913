import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorState } from '@/components/ErrorState'
import { useBindInvite } from '../hooks/use-bind-invite'
import './not-registered.css'

export interface NotRegisteredProps {
  /** Loads the page again: after binding, or when the person was registered meanwhile. */
  onRetry: () => void
  /** A code read from a scanned invite 小程序码: filled in, ready to bind. */
  scannedCode?: string
}

/**
 * A WeChat user not bound to a member record: they type the invite code their branch secretary made for them
 * (组织 › 支部党员名册 › 生成邀请码) and become that member.
 */
export function NotRegistered({ onRetry, scannedCode }: NotRegisteredProps) {
  const invite = useBindInvite(scannedCode)
  const bind = async () => {
    if (await invite.submit()) onRetry()
  }
  return (
    <ErrorState className="not-registered" title="尚未登记" message="你的微信还未登记为党员，请联系支部书记">
      <View className="not-registered__form">
        <Text className="not-registered__label">输入邀请码</Text>
        <Text className="not-registered__hint">
          {scannedCode
            ? '已从小程序码填入邀请码，核对后点「绑定」'
            : '支部书记为你生成的 8 位邀请码，绑定后即可使用'}
        </Text>
        <Input
          className="not-registered__input"
          value={invite.code}
          placeholder="如 ABCD-EFGH"
          maxlength={12}
          ariaLabel="输入邀请码"
          onInput={(e) => invite.setCode(e.detail.value)}
        />
        {invite.error ? <Text className="not-registered__error">{invite.error}</Text> : null}
        <Button
          className="not-registered__bind"
          type="primary"
          disabled={invite.busy}
          onClick={() => void bind()}
        >
          {invite.busy ? '正在绑定…' : '绑定'}
        </Button>
      </View>
      <View
        className="not-registered__retry"
        ariaRole="button"
        ariaLabel="已登记，重新进入"
        onClick={onRetry}
      >
        <Text>已登记，重新进入</Text>
      </View>
    </ErrorState>
  )
}
