import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { cutMessage, cutTo, inputRoom } from '@/services/keep-within'
import './text-field.css'

// NutUI's Input always renders its (hidden) clear icon, an `<i>` from @nutui/icons-react-taro that no weapp template
// draws (base.wxml: "Template tmpl_0_i not found"); the field is never clearable, so an empty Text stands in for it.
const NO_CLEAR_ICON = <Text />

export interface TextFieldProps {
  /** Anchors the field so a form can scroll to it. */
  id?: string
  label: string
  value: string
  /** Longest text accepted; longer input (a paste) is cut here, and the field says how much was cut. */
  limit: number
  onChange: (value: string) => void
  placeholder?: string
  multiline?: boolean
  required?: boolean
  /** Marks the field as missing or wrong, in words. */
  error?: string
  disabled?: boolean
}

/** What a paragraph field fixes (a multiline TextField, （必填）): spread it, then give the form's value and onChange. */
export function paragraph(label: string, limit: number, placeholder?: string) {
  return { label, limit, placeholder, multiline: true, required: true }
}

/** A paragraph the form can go without: no （必填）. */
export function optionalParagraph(label: string, limit: number, placeholder?: string) {
  return { ...paragraph(label, limit, placeholder), required: false }
}

/** A labelled text input (NutUI Input / TextArea) with a character counter (n/limit) that never lets the text run over. */
export function TextField({
  id,
  label,
  value,
  limit,
  onChange,
  placeholder,
  multiline = false,
  required = false,
  error,
  disabled = false,
}: TextFieldProps) {
  const full = value.length >= limit
  // How many characters the last input lost to the limit: said under the field until the next input.
  const [cut, setCut] = useState(0)
  const handle = (next: string) => {
    const kept = cutTo(next, limit)
    setCut(kept.cut)
    onChange(kept.text)
  }
  // NutUI's Input and TextArea, themed in text-field.css. The control lets a paste past the limit through whole
  // (inputRoom), so the field cuts it here and says how much went; the counter stays beside the label.
  const common = {
    className: `text-field__input${multiline ? ' text-field__input--multiline' : ''}`,
    value,
    placeholder: placeholder ?? `请填写${label}`,
    maxLength: inputRoom(limit),
    disabled,
    ariaLabel: label,
    onChange: handle,
  }
  return (
    <View id={id} className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__head">
        <Text className="text-field__label">
          {label}
          {required ? <Text className="text-field__required">（必填）</Text> : null}
        </Text>
        <Text className={`text-field__counter${full ? ' text-field__counter--full' : ''}`}>
          {value.length}/{limit}
        </Text>
      </View>
      {multiline ? <TextArea {...common} autoSize /> : <Input {...common} clearIcon={NO_CLEAR_ICON} />}
      {error ? <Text className="text-field__error">{error}</Text> : null}
      {!error && cut > 0 ? (
        <Text className="text-field__hint text-field__hint--cut">{cutMessage(limit, cut)}</Text>
      ) : null}
      {!error && cut === 0 && full ? <Text className="text-field__hint">已达字数上限 {limit} 字</Text> : null}
    </View>
  )
}
