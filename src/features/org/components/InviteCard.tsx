import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { InviteView } from '@contract/api'
import { Card } from '@/components/Card'
import './invite-card.css'

export interface InviteCardProps {
  invite: InviteView
  onClose: () => void
}

const expiryText = (iso: string) => {
  const d = new Date(iso)
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/**
 * The invite a secretary just made: the 小程序码 for the member to scan with WeChat (it opens 绑定微信 with the code
 * filled in), and the same code to read out. Valid once, until its time; a newer one replaces it.
 */
export function InviteCard({ invite, onClose }: InviteCardProps) {
  return (
    <Card
      title={`${invite.person.name}的邀请`}
      extra={<Text>{`${expiryText(invite.expiresAt)} 前有效`}</Text>}
    >
      <View className="invite-card">
        {invite.qr ? (
          <Image
            className="invite-card__qr"
            src={invite.qr.image}
            mode="aspectFit"
            showMenuByLongpress
            ariaLabel={`${invite.person.name}的邀请小程序码`}
          />
        ) : (
          <Text className="invite-card__problem">{invite.qrProblem ?? '小程序码暂不可用'}，请改用邀请码</Text>
        )}
        <Text className="invite-card__code">{invite.code}</Text>
        <Text className="invite-card__hint">
          {invite.qr
            ? '请本人用微信扫一扫小程序码（长按可保存或转发），或在「尚未登记」页输入邀请码。只能使用一次。'
            : '请当面或电话告诉本人：在小程序「尚未登记」页输入邀请码并绑定。只能使用一次。'}
        </Text>
        <Button className="invite-card__close" size="small" onClick={onClose}>
          关闭
        </Button>
      </View>
    </Card>
  )
}
