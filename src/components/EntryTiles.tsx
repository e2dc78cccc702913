import { Text, View } from '@tarojs/components'
import './round-mark'
import './entry-tiles.css'

export interface EntryTile {
  key: string
  title: string
  hint: string
  /** One character in a round badge: no icon font to load, and it reads as a word. */
  mark: string
  onClick: () => void
}

export interface EntryTilesProps {
  tiles: EntryTile[]
}

/** Large side-by-side entries to areas that are not on the tab bar. */
export function EntryTiles({ tiles }: EntryTilesProps) {
  return (
    <View className="entry-tiles">
      {tiles.map((t) => (
        <View
          key={t.key}
          className="entry-tiles__tile"
          ariaRole="button"
          ariaLabel={t.title}
          onClick={t.onClick}
        >
          <View className="round-mark entry-tiles__mark">
            <Text className="entry-tiles__mark-text">{t.mark}</Text>
          </View>
          <View className="entry-tiles__body">
            <Text className="entry-tiles__title">{t.title}</Text>
            <Text className="entry-tiles__hint">{t.hint}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
