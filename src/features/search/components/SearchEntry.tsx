import { Text, View } from '@tarojs/components'
import './search-entry.css'

/** The home page's search box: a tap opens 搜索, where the typing happens. */
export function SearchEntry({ onClick }: { onClick: () => void }) {
  return (
    <View className="search-entry" ariaRole="button" ariaLabel="搜索" onClick={onClick}>
      <Text className="search-entry__icon">⌕</Text>
      <Text className="search-entry__placeholder">搜索项目、党员、微党课、动态</Text>
    </View>
  )
}
