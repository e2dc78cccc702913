import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { SearchHit } from '@contract/api'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { SearchResults } from '@/features/search/components/SearchResults'
import { useSearch } from '@/features/search/hooks/use-search'
import { routes } from '@/routes'
import './index.css'

const target = (hit: SearchHit): string | null =>
  hit.kind === 'project'
    ? routes.project(hit.id)
    : hit.kind === 'lecture'
      ? routes.lecture(hit.id)
      : hit.kind === 'post'
        ? routes.post(hit.id)
        : null

/** 搜索: one box for projects, people, lectures and group posts within what the person may read. */
export default function SearchPage() {
  const [typed, setTyped] = useState(useRouter().params.q ?? '')
  const search = useSearch()
  const submit = () => void search.run(typed)
  const open = (hit: SearchHit) => {
    const url = target(hit)
    if (url) void Taro.navigateTo({ url })
  }
  const view = search.view

  return (
    <View className="search-page">
      <View className="search-page__bar">
        <Input
          className="search-page__input"
          value={typed}
          focus
          confirmType="search"
          placeholder="项目、支部、党员、微党课、动态"
          ariaLabel="搜索内容"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={submit}
        />
        <Button
          className="search-page__go"
          type="primary"
          size="small"
          disabled={search.busy}
          onClick={submit}
        >
          搜索
        </Button>
      </View>
      {search.error ? (
        <ErrorState message={search.error} onRetry={submit} />
      ) : search.busy && !view ? (
        <LoadingState text="正在搜索…" />
      ) : !view ? (
        <Text className="search-page__hint">
          可搜索本支部的项目和党员、发给你的微党课、你所在党小组的动态
        </Text>
      ) : (
        <>
          {view.notice ? <Text className="search-page__notice">{view.notice}</Text> : null}
          {view.sections.length > 0 ? (
            <SearchResults
              view={view}
              loadingMore={search.loadingMore}
              onOpen={open}
              onMore={(kind) => void search.more(kind)}
            />
          ) : view.query ? (
            <EmptyState title="没有找到" description="换个关键词试试，如项目口号里的几个字" />
          ) : null}
        </>
      )}
    </View>
  )
}
