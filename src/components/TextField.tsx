import { useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { cutMessage, cutTo, inputRoom } from '@/services/keep-within'
import './text-field.css'

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

/** A labelled text input with a character counter (n/limit) that never lets the text run over. */
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
  const common = {
    className: `text-field__input${multiline ? ' text-field__input--multiline' : ''}`,
    value,
    placeholder: placeholder ?? `请填写${label}`,
    placeholderClass: 'text-field__placeholder',
    maxlength: inputRoom(limit),
    disabled,
    ariaLabel: label,
    onInput: (e: { detail: { value: string } }) => handle(e.detail.value),
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
      {multiline ? <Textarea {...common} autoHeight /> : <Input {...common} />}
      {error ? <Text className="text-field__error">{error}</Text> : null}
      {!error && cut > 0 ? (
        <Text className="text-field__hint text-field__hint--cut">{cutMessage(limit, cut)}</Text>
      ) : null}
      {!error && cut === 0 && full ? <Text className="text-field__hint">已达字数上限 {limit} 字</Text> : null}
    </View>
  )
}
