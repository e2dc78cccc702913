import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { isCommittee } from '@domain/roles'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { useRosterImport } from '@/features/org/hooks/use-roster-import'
import { chooseFile } from '@/services/choose-file'
import { tellRefusal } from '@/services/privacy'
import './index.css'

const ACTION_WORDS = { create: '新增', update: '更新', unchanged: '无变化', error: '有错误' } as const

/** 党委: import the member roster from an Excel file, previewing every row before anything is written. */
export default function RosterImportPage() {
  const me = useMe()
  const roster = useRosterImport()

  const choose = async () => {
    if (!me.data) return
    try {
      const file = await chooseFile(['xlsx'])
      if (!file) return
      if (!/\.xlsx$/i.test(file.name)) {
        void Taro.showToast({ title: `「${file.name}」不是 .xlsx 文件，请选择 Excel 名册`, icon: 'none' })
        return
      }
      await roster.check(file.path, me.data.id)
    } catch (e) {
      // Closing the chooser is not an error; a refusal is told, with how to allow it later.
      tellRefusal(e, 'chooseMessageFile')
    }
  }

  if (me.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void me.reload()} />
  if (me.error) return <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
  if (!me.data) return <LoadingState />
  if (!isCommittee(me.data)) return <ErrorState title="无权导入" message="党员名册由党委导入" />

  const result = roster.result
  const errorRows = result?.rows.filter((r) => r.action === 'error') ?? []
  return (
    <View className="roster-import-page">
      <Card title="名册格式">
        <Text className="roster-import-page__text">
          Excel（.xlsx）第一行为表头：姓名、手机号、支部（必填），工号、党小组、职务、角色（党员 或
          支部书记，选填）。有工号按工号、否则按手机号匹配已登记的党员，重复导入不会重复建档。
        </Text>
      </Card>

      {roster.error ? <Text className="roster-import-page__error">{roster.error}</Text> : null}

      {roster.step === 'checking' || roster.step === 'importing' ? (
        <LoadingState text={roster.step === 'checking' ? '正在上传并检查名册…' : '正在导入…'} />
      ) : null}

      {result ? (
        <Card title={result.committed ? '导入完成' : '预览'}>
          <Text className="roster-import-page__summary">
            {`共 ${result.summary.total} 行：新增 ${result.summary.create}，更新 ${result.summary.update}，无变化 ${result.summary.unchanged}，有错误 ${result.summary.errors}`}
          </Text>
          {errorRows.length > 0 ? (
            <Text className="roster-import-page__text">
              请改正以下各行后重新选择文件，有错误时不会导入任何一行。
            </Text>
          ) : null}
          {result.rows
            .filter((r) => r.action !== 'unchanged')
            .map((r) => (
              <View key={r.row} className={`roster-import-page__row roster-import-page__row--${r.action}`}>
                <Text className="roster-import-page__row-head">{`第 ${r.row} 行 ${r.name || '（无姓名）'} · ${ACTION_WORDS[r.action]}`}</Text>
                {r.errors.map((e) => (
                  <Text key={e} className="roster-import-page__row-error">
                    {e}
                  </Text>
                ))}
              </View>
            ))}
        </Card>
      ) : null}

      <View className="roster-import-page__actions">
        {roster.step === 'preview' && result && result.summary.errors === 0 && !result.committed ? (
          <Button type="primary" onClick={() => void roster.commit()}>
            确认导入
          </Button>
        ) : null}
        {roster.step === 'choose' || roster.step === 'preview' || roster.step === 'done' ? (
          <Button type={roster.step === 'choose' ? 'primary' : 'default'} onClick={() => void choose()}>
            {roster.step === 'choose' ? '选择名册文件' : '重新选择文件'}
          </Button>
        ) : null}
      </View>
    </View>
  )
}
