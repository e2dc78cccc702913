import { useState } from 'react'
import { useSession } from '@/stores/session'
import { toCloudError } from '@/services/cloud-error'
import { bindInvite } from '../api/bind-invite'

export interface BindInviteState {
  code: string
  setCode: (code: string) => void
  busy: boolean
  /** What went wrong with the last try, in words. */
  error: string | null
  /** Binds; true when this WeChat is now a registered member. */
  submit: () => Promise<boolean>
}

/** The invite code field of the 尚未登记 screen; `initialCode` is one read from a scanned 小程序码. */
export function useBindInvite(initialCode = ''): BindInviteState {
  const setMe = useSession((s) => s.setMe)
  const [code, setCode] = useState(initialCode)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (busy) return false
    if (code.trim() === '') {
      setError('请输入支部书记给你的邀请码')
      return false
    }
    setBusy(true)
    setError(null)
    try {
      setMe(await bindInvite(code))
      return true
    } catch (e) {
      setError(toCloudError(e).message)
      return false
    } finally {
      setBusy(false)
    }
  }
  return { code, setCode: (c) => setCode(c.slice(0, 12)), busy, error, submit }
}
