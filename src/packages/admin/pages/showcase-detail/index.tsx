import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { PhotoGrid } from '@/components/PhotoGrid'
import { ShowcaseFigures, ShowcaseLoadState, useShowcase } from '@/features/showcase'
import '../../admin.css'
import '../showcase/index.css'

/** One 十佳 project's experience, read-only: what it solved, its goals and plan, the results with photos. */
export default function ShowcaseDetailPage() {
  const { params } = useRouter()
  const year = Number(params.year)
  const showcase = useShowcase(Number.isInteger(year) && year >= 2000 ? year : undefined)
  const data = showcase.view.data
  const item = data?.items.find((i) => i.id === params.id)

  if (!data) return <ShowcaseLoadState view={showcase.view} />

  if (!item) {
    return (
      <View className="admin-page">
        <EmptyState
          title="没有找到这个十佳项目"
          description="它可能不在这一年的十佳中，请从十佳风采重新打开"
        />
      </View>
    )
  }
  return (
    <View className="admin-page">
      <Card title={`${item.year} 年十佳第 ${item.rank} 名`} extra={item.categoryLabel}>
        <Text className="showcase__title">{item.title}</Text>
        {item.slogan ? <Text className="showcase__slogan">“{item.slogan}”</Text> : null}
        <Text className="admin-meta">{item.branchName}</Text>
      </Card>
      <Card title="破解的难题">
        <Text className="admin-meta">{item.problem}</Text>
        {item.what ? (
          <>
            <Text className="showcase__section">干什么</Text>
            <Text className="admin-meta">{item.what}</Text>
          </>
        ) : null}
        {item.extent ? (
          <>
            <Text className="showcase__section">目标</Text>
            <Text className="admin-meta">{item.extent}</Text>
          </>
        ) : null}
      </Card>
      <Card title="成效">
        <Text className="admin-meta">{item.effect || '结题总结未填写'}</Text>
        <PhotoGrid files={item.photos} emptyText="暂无成果照片" />
        <ShowcaseFigures figures={item.figures} />
      </Card>
      {item.outline.length > 0 ? (
        <Card title="怎么干的">
          {item.outline.map((o) => (
            <View key={o.task} className="admin-row">
              <View className="admin-row__main">
                <Text className="admin-row__title">{o.task}</Text>
                <Text className="admin-row__sub">{o.milestones.join(' → ') || '—'}</Text>
              </View>
            </View>
          ))}
        </Card>
      ) : null}
      {data.borrowable ? (
        <BottomBar>
          <Button type="primary" block disabled={showcase.busy} onClick={() => void showcase.borrow(item)}>
            借鉴这个项目，起草本支部立项表
          </Button>
        </BottomBar>
      ) : null}
    </View>
  )
}
