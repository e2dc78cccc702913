import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CheckinCorrected, CheckinView } from '@contract/api'
import { TextField } from '@/components/TextField'
import { timeLeftText } from '@domain/checkin-correction'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { CloudPhotoPicker } from '@/features/lectures'
import { editCheckin, withdrawCheckin } from '../api/checkins'
import { CHECKIN_PHOTO_LABEL, CHECKIN_PHOTO_LIMIT, CHECKIN_TEXT_LIMIT } from '../hooks/use-checkin-form'
import './checkin-correction.css'

export interface CheckinCorrectionProps {
  checkin: CheckinView
  /** The edit saved: the check-in as it now reads. */
  onEdited: (result: CheckinCorrected) => void
  /** Withdrawn: it leaves the list, and the figures changed. */
  onWithdrawn: (result: CheckinCorrected) => void
  /** 修改 opened (true) or closed (false): the card above hides its photos meanwhile, the picker shows them. */
  onEditingChange?: (editing: boolean) => void
  /** The clock the remaining time is told against (tests pass one). */
  now?: Date
}

/**
 * 修改 / 撤回 under one of my check-ins while I may still correct it, with the time left. 修改 opens the text
 * and photos in place (the create form's picker and limits; a new photo is uploaded as it is chosen, the
 * place stays as it is); 撤回 asks first.
 */
export function CheckinCorrection({
  checkin,
  onEdited,
  onWithdrawn,
  onEditingChange,
  now,
}: CheckinCorrectionProps) {
  const [editing, setEditingState] = useState(false)
  const [text, setText] = useState(checkin.text)
  const [photos, setPhotos] = useState(checkin.photos)
  const [uploading, setUploading] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  if (!checkin.correctable) return null
  const setEditing = (on: boolean) => {
    setEditingState(on)
    onEditingChange?.(on)
  }

  const save = async () => {
    if (!text.trim()) return setError('请填写打卡内容')
    setBusy(true)
    try {
      const res = await editCheckin({
        id: checkin.id,
        text,
        photos,
        ...(checkin.place ? { place: checkin.place } : {}),
      })
      setEditing(false)
      setError(undefined)
      showSuccessToast('已修改')
      onEdited(res)
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }

  const withdraw = async () => {
    const ok = await confirmAction({
      title: '撤回这条打卡',
      content: '撤回后不再计入打卡次数和统计，支部书记仍可看到已撤回的记录。确定撤回吗？',
      confirmText: '撤回',
    })
    if (!ok) return
    setBusy(true)
    try {
      const res = await withdrawCheckin(checkin.id)
      showSuccessToast('已撤回')
      onWithdrawn(res)
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }

  if (editing) {
    return (
      <View className="checkin-correction checkin-correction--editing">
        <TextField
          label="修改打卡内容"
          required
          multiline
          value={text}
          limit={CHECKIN_TEXT_LIMIT}
          error={error}
          disabled={busy}
          onChange={(v) => {
            setText(v)
            setError(undefined)
          }}
        />
        <Text className="checkin-correction__label">{CHECKIN_PHOTO_LABEL}</Text>
        <CloudPhotoPicker
          fileIds={photos}
          onChange={setPhotos}
          personId={checkin.person.id}
          max={CHECKIN_PHOTO_LIMIT}
          disabled={busy}
          onUploading={setUploading}
        />
        <Text className="checkin-correction__note">
          {checkin.place ? '地点保持不变；' : ''}修改前的内容和照片会保留，支部书记可以查看。
        </Text>
        <View className="checkin-correction__actions">
          <Button
            size="small"
            type="default"
            disabled={busy || uploading}
            onClick={() => {
              setEditing(false)
              setText(checkin.text)
              setPhotos(checkin.photos)
              setError(undefined)
            }}
          >
            取消
          </Button>
          <Button
            size="small"
            type="primary"
            loading={busy}
            disabled={busy || uploading}
            onClick={() => void save()}
          >
            {uploading ? '正在上传照片…' : '保存修改'}
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className="checkin-correction">
      <Text className="checkin-correction__left">{timeLeftText(checkin.correctable, now ?? new Date())}</Text>
      <View className="checkin-correction__actions">
        <Button size="small" type="default" disabled={busy} onClick={() => setEditing(true)}>
          修改
        </Button>
        <Button size="small" type="default" disabled={busy} onClick={() => void withdraw()}>
          撤回
        </Button>
      </View>
    </View>
  )
}
