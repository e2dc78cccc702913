import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { jobPercent } from '@domain/ledger-jobs'
import { BottomBar } from '@/components/BottomBar'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { LedgerContents } from '@/features/ledger/components/LedgerContents'
import { useLedgerExport } from '@/features/ledger/hooks/use-ledger-export'
import { useLedgerPreview } from '@/features/ledger/hooks/use-ledger-preview'
import { ledgerScopeOf } from '@/features/ledger/scope'
import { routes } from '@/routes'
import '../../admin.css'

/** 管理台账: what the export holds, then 导出 → the .xlsx opens (WeChat) or downloads (H5). */
export default function LedgerPage() {
  const { params } = useRouter()
  const scope = ledgerScopeOf(params)
  const preview = useLedgerPreview(scope)
  const exporter = useLedgerExport(scope)

  if (!scope) {
    return (
      <View className="admin-page">
        <ErrorState title="无法打开台账" message="页面地址缺少项目，或缺少支部和年度" />
      </View>
    )
  }
  if (!preview.data) {
    return (
      <View className="admin-page">
        {preview.error ? (
          <ErrorState
            title={preview.error.code === 'FORBIDDEN' ? '不能导出该台账' : '台账加载失败'}
            message={preview.error.message}
            onRetry={preview.error.code === 'FORBIDDEN' ? undefined : () => void preview.reload()}
          />
        ) : (
          <LoadingState text="正在统计台账内容…" />
        )}
      </View>
    )
  }

  return (
    <View className="admin-page">
      <LedgerContents
        preview={preview.data}
        onOpenProject={(id) => void Taro.navigateTo({ url: routes.project(id) })}
      />
      {exporter.stage === 'done' && process.env.TARO_ENV !== 'weapp' ? (
        <View className="admin-actions">
          <Button type="default" onClick={() => void exporter.again()}>
            没有开始下载？再次下载
          </Button>
        </View>
      ) : null}
      {/* Room for what the bar says while it says it: the last part of the contents stays reachable. */}
      {exporter.words ? <View className="admin-export-room" /> : null}
      <BottomBar>
        {/* What the export is doing, beside the button that started it: seen wherever the page is scrolled. */}
        <View className="admin-export-bar">
          {exporter.words ? (
            <View ariaRole="status">
              <Text className="admin-status">{exporter.words}</Text>
            </View>
          ) : null}
          {exporter.stage === 'job' && exporter.job ? (
            <View className="admin-job">
              <Progress percent={jobPercent(exporter.job)} showText />
              <Text className="admin-job-hint">可以先离开本页，10 分钟内回来再点“导出”即可取回。</Text>
            </View>
          ) : null}
          <Button
            type="primary"
            block
            loading={exporter.busy}
            disabled={exporter.busy}
            onClick={() => void exporter.run()}
          >
            {exporter.busy ? '正在导出…' : '导出'}
          </Button>
        </View>
      </BottomBar>
    </View>
  )
}
