import { useCallback, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { MemberView } from '@contract/api'
import type { SupervisionMethod } from '@contract/entities'
import { chinaClockText, chinaDay } from '@domain/time'
import { currentPerson, fetchMembers } from '@/features/org'
import { useRequest } from '@/hooks/use-request'
import { CloudError, toCloudError } from '@/services/cloud-error'
import { newRequestId } from '@/services/request-id'
import { showSuccessToast } from '@/services/show-success-toast'
import { uploadPhotos } from '@/services/upload-file'
import { createRecord } from '../api/records'

export const FINDINGS_LIMIT = 1000
export const FOLLOW_UP_LIMIT = 300
export const NO_BRANCH = '没有指定支部，请从分片督导的联系支部进入'

export interface FollowUpDraft {
  text: string
  ownerId: string
  deadline: string
}

/** Now, China time: the day and HH:MM. */
export function chinaNow(at = new Date()): { day: string; time: string } {
  return { day: chinaDay(at), time: chinaClockText(at) }
}

export interface RecordFormStart {
  branchId: string
  method?: SupervisionMethod
  contactId?: string
  time?: string
}

/**
 * A new 督导记录: the branch's people to pick whom was contacted and who owns each follow-up; a call (电话调度)
 * fills in the person and the time. The request id is made once, so a resend never makes a second record.
 */
export function useRecordForm(start: RecordFormStart) {
  const load = useCallback(
    () =>
      start.branchId ? fetchMembers(start.branchId) : Promise.reject(new CloudError('NOT_FOUND', NO_BRANCH)),
    [start.branchId],
  )
  const members = useRequest<MemberView[]>(load)
  const now = chinaNow()
  const [method, setMethod] = useState<SupervisionMethod>(start.method ?? 'phone')
  const [date, setDate] = useState(now.day)
  const [time, setTime] = useState(start.time ?? '')
  const [contactId, setContactId] = useState(start.contactId ?? '')
  const [findings, setFindingsText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [followUps, setFollowUps] = useState<FollowUpDraft[]>([])
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)
  const [progress, setProgress] = useState('')
  const requestId = useRef(newRequestId())

  const contact = useMemo(
    () => members.data?.find((m) => m.id === contactId) ?? null,
    [members.data, contactId],
  )

  /** 电话调度 from the call button: the person and the time are filled in, then the phone dials. */
  const call = (member: MemberView) => {
    const at = chinaNow()
    setMethod('phone')
    setContactId(member.id)
    setDate(at.day)
    setTime(at.time)
    if (member.phone) void Taro.makePhoneCall({ phoneNumber: member.phone }).catch(() => undefined)
  }

  const setFindings = (value: string) => {
    setFindingsText(value)
    setError(undefined)
  }
  const addFollowUp = () =>
    setFollowUps((list) => [...list, { text: '', ownerId: contactId, deadline: chinaNow().day }])
  const changeFollowUp = (k: number, change: Partial<FollowUpDraft>) =>
    setFollowUps((list) => list.map((f, i) => (i === k ? { ...f, ...change } : f)))
  const removeFollowUp = (k: number) => setFollowUps((list) => list.filter((_, i) => i !== k))

  const save = async (): Promise<string | null> => {
    if (sending) return null
    if (!contactId) return (setError('请选择联系了谁'), null)
    if (!findings.trim()) return (setError('请填写督导发现的情况'), null)
    const missing = followUps.findIndex((f) => !f.text.trim() || !f.ownerId)
    if (missing >= 0) return (setError(`请填写第 ${missing + 1} 项跟进事项和责任人`), null)
    setSending(true)
    setError(undefined)
    try {
      const me = await currentPerson()
      const uploaded = await uploadPhotos(photos, me.id, setProgress)
      setProgress('正在保存…')
      const res = await createRecord({
        requestId: requestId.current,
        branchId: start.branchId,
        method,
        date,
        ...(time ? { time } : {}),
        contactId,
        findings: findings.trim(),
        photos: uploaded,
        followUps: followUps.map((f) => ({ text: f.text.trim(), ownerId: f.ownerId, deadline: f.deadline })),
      })
      showSuccessToast('督导记录已保存')
      return res.id
    } catch (e) {
      setError(toCloudError(e).message)
      return null
    } finally {
      setSending(false)
      setProgress('')
    }
  }

  return {
    members,
    method,
    setMethod,
    date,
    setDate,
    time,
    setTime,
    contactId,
    setContactId,
    contact,
    call,
    findings,
    setFindings,
    photos,
    setPhotos,
    followUps,
    addFollowUp,
    changeFollowUp,
    removeFollowUp,
    error,
    sending,
    progress,
    save,
    today: now.day,
  }
}
