import { Text } from '@tarojs/components'
import { highlight } from '@domain/search'

/** A text with the searched words marked. */
export function Highlighted({ text, query, className }: { text: string; query: string; className?: string }) {
  return (
    <Text className={className}>
      {highlight(text, query).map((part, i) =>
        part.hit ? (
          <Text key={i} className="search-hit">
            {part.text}
          </Text>
        ) : (
          part.text
        ),
      )}
    </Text>
  )
}
