import { memo, useMemo } from 'react'
import { RichText, View } from '@tarojs/components'
import { fileUrl } from '@/services/file-url'
import { bodyForDisplay } from '../lecture-body'
import './lecture-body.css'

export interface LectureBodyProps {
  /** The sanitised body from the function. */
  html: string
  /** Links for the body's cloud images, from the function (rich-text cannot load `cloud://`). */
  images?: Record<string, string>
  /** Anchors the body so its reading can be measured. */
  id: string
}

/**
 * The lecture's text and images, large and airy for older readers. Memoised: the study timer re-renders
 * the page every second, and the body must not be handed to the view layer again each time.
 */
export const LectureBody = memo(function LectureBody({ html, id, images }: LectureBodyProps) {
  const nodes = useMemo(
    () => bodyForDisplay(html, (fileId) => images?.[fileId] ?? fileUrl(fileId)),
    [html, images],
  )
  return (
    <View id={id} className="lecture-body">
      <RichText className="lecture-body__text" nodes={nodes} />
    </View>
  )
})
