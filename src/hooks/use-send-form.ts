import { useState } from 'react'
import Taro from '@tarojs/taro'
import { toCloudError } from '@/services/cloud-error'
import { showSuccessToast } from '@/services/show-success-toast'

export interface SendForm {
  /** What went wrong, in words; what was typed stays. */
  error: string | undefined
  setError: (error: string | undefined) => void
  sending: boolean
  /** Where the send is: which photo is uploading, or what is being sent. */
  progress: string
  /**
   * Sends what a form holds: `work` uploads and sends, saying where it is through `say`, and resolves to the words
   * of the success toast; then the page goes back. A failure is said in `error`.
   */
  send: (work: (say: (progress: string) => void) => Promise<string>) => Promise<void>
}

/** A page that writes one thing with its photos (a post, a milestone's evidence) and goes back once it is sent. */
export function useSendForm(): SendForm {
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)
  const [progress, setProgress] = useState('')

  const send = async (work: (say: (progress: string) => void) => Promise<string>) => {
    setSending(true)
    setError(undefined)
    try {
      showSuccessToast(await work(setProgress))
      void Taro.navigateBack()
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      setSending(false)
      setProgress('')
    }
  }

  return { error, setError, sending, progress, send }
}
