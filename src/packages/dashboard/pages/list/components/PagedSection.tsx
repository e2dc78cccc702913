import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { ListFooter } from '@/components/ListFooter'
import { LoadingState } from '@/components/LoadingState'
import type { PagedList } from '@/hooks/use-paged-list'
import './paged-section.css'

export interface PagedSectionProps<T> {
  title: string
  /** What one item is called in the count and footer: 个项目, 个里程碑, 个支部. */
  noun: string
  list: PagedList<T>
  empty: string
  render: (item: T) => ReactNode
}

/** A list page's body: heading with the count, loading / error / empty states, items, and where the list ends. */
export function PagedSection<T>({ title, noun, list, empty, render }: PagedSectionProps<T>) {
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  return (
    <View className="paged-section">
      <View className="paged-section__head">
        <Text className="paged-section__title">{title}</Text>
        {list.items.length > 0 ? (
          <Text className="paged-section__count">
            共 {list.total} {noun}
          </Text>
        ) : null}
      </View>
      {list.loading && list.items.length === 0 ? (
        <LoadingState text="正在加载…" />
      ) : list.error ? (
        <ErrorState title="加载失败" message={list.error.message} onRetry={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <View className="paged-section__items">
          {list.items.map(render)}
          <ListFooter list={list} more="pull" endText={`共 ${list.total} ${noun}，已全部显示`} />
        </View>
      )}
    </View>
  )
}
