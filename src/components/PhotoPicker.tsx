// Not NutUI Uploader: on weapp its chooseMedia has no fail handler (a refusal goes unsaid) and its icons are <i>s.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { tellRefusal } from '@/services/privacy'
import { showErrorToast } from '@/services/show-error-toast'
import './photo-picker.css'

export interface PhotoPickerProps {
  /** Local paths of the chosen photos, in order. */
  photos: string[]
  onChange: (photos: string[]) => void
  max?: number
  disabled?: boolean
}

/** Up to `max` photos, chosen from the album or taken on the spot; each can be viewed or removed. */
export function PhotoPicker({ photos, onChange, max = 9, disabled = false }: PhotoPickerProps) {
  const room = max - photos.length
  const add = async () => {
    try {
      const res = await Taro.chooseImage({
        count: room,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      onChange([...photos, ...res.tempFilePaths].slice(0, max))
    } catch (e) {
      // Closing the chooser is not an error; a refusal is told, with how to allow it later.
      if (!tellRefusal(e, 'chooseImage') && !/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e)))
        showErrorToast(e)
    }
  }
  return (
    <View className="photo-picker">
      {photos.map((path, k) => (
        <View key={path} className="photo-picker__item">
          <Image
            className="photo-picker__photo"
            src={path}
            mode="aspectFill"
            ariaLabel={`照片 ${k + 1}`}
            onClick={() => void Taro.previewImage({ urls: photos, current: path })}
          />
          {!disabled ? (
            <View
              className="photo-picker__remove"
              ariaRole="button"
              ariaLabel={`删除照片 ${k + 1}`}
              onClick={() => onChange(photos.filter((_, i) => i !== k))}
            >
              <Text className="photo-picker__remove-x">×</Text>
            </View>
          ) : null}
        </View>
      ))}
      {room > 0 && !disabled ? (
        <View className="photo-picker__add" ariaRole="button" ariaLabel="添加照片" onClick={() => void add()}>
          <Text className="photo-picker__plus">+</Text>
          <Text className="photo-picker__hint">
            {photos.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
