import type { RequestState } from '@/hooks/use-request'
import { ErrorState } from './ErrorState'
import { LoadingState } from './LoadingState'

export interface RequestPendingProps {
  request: Pick<RequestState<unknown>, 'error' | 'reload'>
  /** The error's title (无法打卡, 里程碑加载失败); 加载失败 when left out. */
  errorTitle?: string
  /** What is loading (正在加载任务…); 加载中… when left out. */
  loadingText?: string
}

/** What a page shows before its request has data: the error with 重试, or that it is loading. */
export function RequestPending({ request, errorTitle, loadingText }: RequestPendingProps) {
  return request.error ? (
    <ErrorState title={errorTitle} message={request.error.message} onRetry={() => void request.reload()} />
  ) : (
    <LoadingState text={loadingText} />
  )
}
