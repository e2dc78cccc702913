import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SearchHit, SearchKind, SearchView } from '@contract/api'
import { Card } from '@/components/Card'
import { Highlighted } from './Highlighted'
import './search-results.css'

export interface SearchResultsProps {
  view: SearchView
  loadingMore: SearchKind | null
  onOpen: (hit: SearchHit) => void
  onMore: (kind: SearchKind) => void
}

/** What a search found, one card per kind, the searched words marked; 查看更多 pages one kind. */
export function SearchResults({ view, loadingMore, onOpen, onMore }: SearchResultsProps) {
  return (
    <View className="search-results">
      {view.sections.map((section) => (
        <Card key={section.kind} title={section.label}>
          {section.hits.map((hit) => (
            <View
              key={hit.id}
              className={`search-results__hit${hit.kind === 'person' ? ' search-results__hit--still' : ''}`}
              ariaRole={hit.kind === 'person' ? undefined : 'link'}
              onClick={() => onOpen(hit)}
            >
              <Highlighted className="search-results__title" text={hit.title} query={view.query} />
              {hit.sub ? (
                <Highlighted className="search-results__sub" text={hit.sub} query={view.query} />
              ) : null}
            </View>
          ))}
          {section.more ? (
            <Button
              className="search-results__more"
              size="small"
              fill="none"
              disabled={loadingMore !== null}
              onClick={() => onMore(section.kind)}
            >
              {loadingMore === section.kind ? '正在加载…' : `查看更多${section.label}`}
            </Button>
          ) : (
            <Text className="search-results__end">{`${section.label}已全部列出`}</Text>
          )}
        </Card>
      ))}
    </View>
  )
}
