import { View, Text, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { BranchView } from '@contract/api'
import { Card } from '@/components/Card'
import { MAX_SIZE, useNewSpotCheck } from '@/features/supervision/hooks/use-new-spot-check'
import { routes } from '@/routes'
import { PickerRow } from '@/packages/admin/components/PickerRow'

export interface NewSpotCheckProps {
  branches: BranchView[]
}

/** 新建抽查: how many projects, from all branches or one; asks before it draws. */
export function NewSpotCheck({ branches }: NewSpotCheckProps) {
  const form = useNewSpotCheck()
  const scopes = [{ id: '', name: '全部党支部' }, ...branches.map((b) => ({ id: b.id, name: b.name }))]
  const chosen = Math.max(
    0,
    scopes.findIndex((s) => s.id === (form.branchId ?? '')),
  )
  const draw = async () => {
    const id = await form.draw()
    if (id) void Taro.navigateTo({ url: routes.spotCheck(id) })
  }
  return (
    <Card title="新建抽查">
      <View className="admin-row">
        <Text className="admin-row__title">抽取数量</Text>
        <View className="admin-actions">
          <Button type="default" disabled={form.size <= 1} onClick={() => form.setSize(form.size - 1)}>
            减少
          </Button>
          <Text className="admin-row__value">{form.size} 个</Text>
          <Button type="default" disabled={form.size >= MAX_SIZE} onClick={() => form.setSize(form.size + 1)}>
            增加
          </Button>
        </View>
      </View>
      <Picker
        mode="selector"
        range={scopes}
        rangeKey="name"
        value={chosen}
        onChange={(e) => form.setBranchId(scopes[Number(e.detail.value)]?.id || undefined)}
      >
        <PickerRow title="抽查范围" value={scopes[chosen].name} label="选择抽查范围" />
      </Picker>
      <Text className="admin-meta">
        {form.candidates ? `可抽查的实施中项目：${form.candidates.count} 个` : '正在统计可抽查的项目…'}
      </Text>
      <View className="admin-actions">
        <Button
          type="primary"
          block
          loading={form.busy}
          disabled={!form.candidates || form.busy}
          onClick={() => void draw()}
        >
          随机抽取
        </Button>
      </View>
    </Card>
  )
}
