import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { CheckinPlace } from '@contract/entities'
import type { MyTaskItem } from '@contract/functions/checkins'
import { BACKDATE_DAYS, checkinTimeProblem } from '@domain/checkins'
import { useRequest } from '@/hooks/use-request'
import { CloudError, toCloudError } from '@/services/cloud-error'
import { useTextBox } from '@/hooks/use-text-box'
import { showSuccessToast } from '@/services/show-success-toast'
import { tellRefusal } from '@/services/privacy'
import { askToSubscribe } from '@/services/subscribe'
import { uploadFile } from '@/services/upload-file'
import { currentPerson } from '@/features/org'
import { createCheckin, fetchMyTasks } from '../api/checkins'
import {
  forget,
  isDeliveryFailure,
  isRetryable,
  keep,
  persistLocalPhoto,
  readOutbox,
  sendPending,
  type PendingCheckin,
} from '../outbox'
import { usePendingCheckins } from '../pending-store'

export const CHECKIN_TEXT_LIMIT = 500
/** Photos a check-in carries (the server's limit too), and how the form says so. */
export const CHECKIN_PHOTO_LIMIT = 9
export const CHECKIN_PHOTO_LABEL = `现场照片（选填，最多 ${CHECKIN_PHOTO_LIMIT} 张）`

export interface CheckinTarget {
  projectId?: string
  taskId?: string
  milestoneId?: string
}

const draftKey = (t: CheckinTarget) => `checkin-draft:${t.projectId}:${t.taskId}:${t.milestoneId ?? ''}`

/** The task or milestone being checked in on, found in my tasks (so a deep link is checked too). */
async function findItem(t: CheckinTarget): Promise<MyTaskItem> {
  const { items } = await fetchMyTasks()
  const found = items.find((i) =>
    t.milestoneId
      ? i.milestone?.id === t.milestoneId
      : i.kind === 'task' && i.project.id === t.projectId && i.task.id === t.taskId,
  )
  if (!found) throw new CloudError('NOT_FOUND', '没有找到这项任务，或它不是落实给你的')
  return found
}

/**
 * The 写实 form: text (kept on the phone as it is typed), photos, when, optionally where. Sending keeps the
 * check-in on the phone first, so a dropped network or a closed app loses nothing; the request id makes
 * every retry the same check-in.
 */
export function useCheckinForm(target: CheckinTarget) {
  const loadItem = useCallback(() => findItem(target), [target.projectId, target.taskId, target.milestoneId]) // eslint-disable-line react-hooks/exhaustive-deps
  const item = useRequest(loadItem)
  // Whose check-in it is, learnt while the network is there: one made offline is then kept on the phone.
  useEffect(() => void currentPerson().catch(() => undefined), [])
  // The text is kept on the phone as it is typed.
  const { text, setText, error, setError, sending, setSending, requestId } = useTextBox(
    () => {
      const kept: unknown = Taro.getStorageSync(draftKey(target))
      return typeof kept === 'string' ? kept : ''
    },
    (value) => Taro.setStorageSync(draftKey(target), value),
  )
  const [photos, setPhotos] = useState<string[]>([])
  const [at, setAt] = useState(() => dayjs())
  const [place, setPlace] = useState<CheckinPlace | null>(null)

  const range = useMemo(
    () => ({
      start: dayjs()
        .subtract(BACKDATE_DAYS - 1, 'day')
        .format('YYYY-MM-DD'),
      end: dayjs().format('YYYY-MM-DD'),
    }),
    [],
  )
  const setDay = (day: string) => setAt((prev) => dayjs(`${day}T${prev.format('HH:mm')}`))
  const setTime = (time: string) => setAt((prev) => dayjs(`${prev.format('YYYY-MM-DD')}T${time}`))

  const chooseLocation = async () => {
    try {
      const res = await Taro.chooseLocation({})
      const name = (res.name || res.address || '').slice(0, 60)
      if (name) setPlace({ name, latitude: res.latitude, longitude: res.longitude })
    } catch (e) {
      // Closing the map is not an error; a refusal is told, with how to allow it later.
      tellRefusal(e, 'chooseLocation')
    }
  }

  const send = async (): Promise<void> => {
    if (sending || !item.data) return
    if (!text.trim()) return setError('请填写打卡内容：今天做了什么')
    const timeProblem = checkinTimeProblem(at.toDate(), new Date())
    if (timeProblem) return setError(timeProblem)
    void askToSubscribe('checkin')
    setSending(true)
    let me
    try {
      me = await currentPerson()
    } catch (e) {
      setSending(false)
      return setError(toCloudError(e).message)
    }
    const pending: PendingCheckin = {
      payload: {
        requestId: requestId.current,
        projectId: item.data.project.id,
        taskId: item.data.task.id,
        ...(item.data.milestone ? { milestoneId: item.data.milestone.id } : {}),
        text: text.trim(),
        at: at.toISOString(),
        ...(place ? { place } : {}),
      },
      photos: photos.map((p) => ({ local: persistLocalPhoto(p), fileId: null })),
      personId: me.id,
      label: item.data.milestone?.title ?? item.data.task.title,
      savedAt: new Date().toISOString(),
      attempts: 0,
      refused: null,
    }
    keep(pending)
    try {
      await sendPending(pending, { upload: uploadFile, create: createCheckin })
      forget(pending.payload.requestId)
      Taro.removeStorageSync(draftKey(target))
      showSuccessToast('打卡成功')
      void Taro.navigateBack()
    } catch (e) {
      if (isRetryable(e)) {
        Taro.removeStorageSync(draftKey(target))
        void Taro.showToast({
          title: '网络不佳，已保存在手机上，联网后自动提交',
          icon: 'none',
          duration: 2500,
        })
        void Taro.navigateBack()
      } else if (isDeliveryFailure(e)) {
        // Shown now, and kept in the 打卡 list where its author can send it again or delete it.
        const message = toCloudError(e).message
        const latest = readOutbox().find((p) => p.payload.requestId === pending.payload.requestId) ?? pending
        keep({ ...latest, refused: message })
        setError(`${message}。打卡已保存在「打卡」页，可重试或删除`)
      } else {
        forget(pending.payload.requestId)
        setError(toCloudError(e).message)
      }
    } finally {
      usePendingCheckins.getState().reload()
      setSending(false)
    }
  }

  return {
    item,
    text,
    setText,
    photos,
    setPhotos,
    at,
    range,
    setDay,
    setTime,
    place,
    setPlace,
    chooseLocation,
    error,
    sending,
    send,
  }
}
