import { useRef, useState } from 'react'
import { newRequestId } from '@/services/request-id'

export interface TextBox {
  text: string
  /** What the person types: clears the error (and `onType` may keep a draft). */
  setText: (value: string) => void
  /** Sets the text without the person typing (emptied once sent). */
  replaceText: (value: string) => void
  error: string | undefined
  setError: (error: string | undefined) => void
  sending: boolean
  setSending: (sending: boolean) => void
  /** One id per thing written, kept across retries (a dropped network never makes two); renew it once sent. */
  requestId: { current: string }
}

/** The state of a field that is written and sent (a comment, a check-in): text, its error, sending, a request id. */
export function useTextBox(initial: string | (() => string), onType?: (value: string) => void): TextBox {
  const [text, replaceText] = useState<string>(initial)
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)
  const requestId = useRef(newRequestId())
  const setText = (value: string) => {
    replaceText(value)
    setError(undefined)
    onType?.(value)
  }
  return { text, setText, replaceText, error, setError, sending, setSending, requestId }
}
