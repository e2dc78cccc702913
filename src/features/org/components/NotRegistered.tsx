import { ErrorState } from '@/components/ErrorState'

export interface NotRegisteredProps {
  onRetry: () => void
}

/** A WeChat user the committee has not yet bound to a person: nothing to show until a secretary adds them. */
export function NotRegistered({ onRetry }: NotRegisteredProps) {
  return (
    <ErrorState
      title="尚未登记"
      message="你的微信还未登记为党员，请联系支部书记"
      retryText="已登记，重新进入"
      onRetry={onRetry}
    />
  )
}
