import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { LoadingState } from '@/components/LoadingState'
import { PhotoGrid } from '@/components/PhotoGrid'
import { ShowcaseFigures, ShowcaseLoadState, useShowcase } from '@/features/showcase'
import { routes } from '@/routes'
import '../../admin.css'
import './index.css'

/**
 * 经验交流: the committee's confirmed 十佳精品项目 of a year, for every member to learn from (the newest year
 * first). A card opens the project's experience; a secretary may 借鉴 it into a draft of their own.
 */
export default function ShowcasePage() {
  const showcase = useShowcase()
  const data = showcase.view.data

  if (!data) return <ShowcaseLoadState view={showcase.view} />

  return (
    <View className="admin-page">
      <Card title={data.year === null ? '十佳精品项目' : `${data.year} 年十佳精品项目`} extra="经验交流">
        <Text className="admin-meta">
          党委年度评选的十佳精品项目：看看它们破解了什么难题、怎么干的、干成了什么样。
          {data.borrowable ? '支部书记可以“借鉴”一个项目，起草本支部的立项表。' : ''}
        </Text>
        {data.years.length > 1 ? (
          <View className="showcase__years" ariaRole="tablist">
            {data.years.map((y) => (
              <Button
                key={y}
                size="small"
                type={y === data.year ? 'primary' : 'default'}
                onClick={() => showcase.setYear(y)}
              >
                {`${y} 年`}
              </Button>
            ))}
          </View>
        ) : null}
      </Card>
      {showcase.view.loading ? <LoadingState text="正在加载…" /> : null}
      {data.items.length === 0 ? (
        <EmptyState
          title={data.year === null ? '还没有评选出十佳项目' : `${data.year} 年还没有确认十佳项目`}
          description="党委确认年度十佳精品项目后，会在这里分享它们的经验"
        />
      ) : (
        data.items.map((item) => {
          const open = () => void Taro.navigateTo({ url: routes.showcaseProject(item.id, item.year) })
          return (
            <Card key={item.id} title={`第 ${item.rank} 名`} extra={item.branchName}>
              <View className="showcase__item" onClick={open}>
                <Text className="showcase__title">{item.title}</Text>
                {item.slogan ? <Text className="showcase__slogan">“{item.slogan}”</Text> : null}
                <Text className="admin-meta">破解难题：{item.problem}</Text>
              </View>
              <PhotoGrid files={item.photos.slice(0, 3)} />
              <ShowcaseFigures figures={item.figures} />
              <View className="showcase__actions">
                <Button size="small" onClick={open}>
                  看经验
                </Button>
                {data.borrowable ? (
                  <Button
                    size="small"
                    type="primary"
                    disabled={showcase.busy}
                    onClick={() => void showcase.borrow(item)}
                  >
                    借鉴
                  </Button>
                ) : null}
              </View>
            </Card>
          )
        })
      )}
    </View>
  )
}
