import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { AGREE_BUTTON_ID, PRIVACY_DECLARATIONS, answerPrivacy, privacyQuestionOpen } from '@/services/privacy'
import './index.css'

/** 隐私保护指引: what the app uses and why; when WeChat asks, the person agrees or refuses here. */
export default function PrivacyPage() {
  const { params } = useRouter()
  const [asking, setAsking] = useState(() => params.ask === '1' && privacyQuestionOpen())
  // Leaving without an answer is a refusal: WeChat must not wait forever.
  useEffect(
    () => () => {
      if (privacyQuestionOpen()) answerPrivacy(false)
    },
    [],
  )
  const answer = (agree: boolean) => {
    answerPrivacy(agree)
    setAsking(false)
    void Taro.navigateBack()
  }
  return (
    <View className="privacy-page">
      <Text className="privacy-page__lead">
        党建项目通只在你使用下列功能时使用对应信息，仅用于党建项目管理，不用于其他目的。不使用这些功能不影响其他功能。
      </Text>
      {PRIVACY_DECLARATIONS.map((d) => (
        <View key={d.api} className="privacy-page__item">
          <Text className="privacy-page__item-title">{d.info}</Text>
          <Text className="privacy-page__item-text">用途：{d.purpose}</Text>
          <Text className="privacy-page__item-text">拒绝后：{d.allowLater}</Text>
        </View>
      ))}
      {process.env.TARO_ENV === 'weapp' ? (
        <View
          className="privacy-page__link"
          ariaRole="link"
          ariaLabel="查看完整的隐私保护指引"
          onClick={() =>
            void (Taro as unknown as { openPrivacyContract: () => Promise<void> }).openPrivacyContract()
          }
        >
          <Text>查看完整的《党建项目通隐私保护指引》</Text>
        </View>
      ) : null}
      {asking ? (
        <View className="privacy-page__actions">
          <Button ariaLabel="拒绝隐私保护指引" onClick={() => answer(false)}>
            拒绝
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            type="primary"
            openType="agreePrivacyAuthorization"
            ariaLabel="同意隐私保护指引"
            onAgreePrivacyAuthorization={() => answer(true)}
            onClick={() => process.env.TARO_ENV !== 'weapp' && answer(true)}
          >
            同意
          </Button>
        </View>
      ) : null}
    </View>
  )
}
