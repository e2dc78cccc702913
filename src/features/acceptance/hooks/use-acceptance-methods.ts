import { useState } from 'react'
import type { AcceptanceMethod } from '@contract/entities'
import { currentPerson } from '@/features/org'
import { toCloudError } from '@/services/cloud-error'
import { showSuccessToast } from '@/services/show-success-toast'
import { uploadPhotos } from '@/services/upload-file'
import { recordAcceptanceMethod } from '../api/record-acceptance-method'

export const METHOD_NOTES_LIMIT = 1000
export const OPINION_LIMIT = 500

/**
 * 验收方式: the committee records how it judged the project — notes and photos, and for 调查走访 how many were
 * visited and what they said. `onSaved` reloads the project so the record shows and 验收通过 may go ahead.
 */
export function useAcceptanceMethods(projectId: string | undefined, onSaved: () => Promise<void>) {
  const [method, setMethodValue] = useState<AcceptanceMethod>('report')
  const [notes, setNotesText] = useState('')
  const [visited, setVisitedText] = useState('')
  const [opinion, setOpinionText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [progress, setProgress] = useState('')

  const clear = (set: (v: string) => void) => (v: string) => {
    set(v)
    setError(undefined)
  }

  const save = async () => {
    if (saving || !projectId) return
    if (!notes.trim()) return setError('请填写验收情况')
    const count = visited === '' ? undefined : Number(visited)
    if (method === 'survey' && !count) return setError('请填写走访了多少名职工群众或党员')
    if (method === 'survey' && !opinion.trim()) return setError('请填写走访对象对项目的评价')
    setSaving(true)
    setError(undefined)
    try {
      const me = await currentPerson()
      const uploaded = await uploadPhotos(photos, me.id, setProgress)
      setProgress('正在保存…')
      await recordAcceptanceMethod({
        id: projectId,
        method,
        notes: notes.trim(),
        photos: uploaded,
        ...(method === 'survey' ? { visited: count, opinion: opinion.trim() } : {}),
      })
      showSuccessToast('验收记录已保存')
      setNotesText('')
      setVisitedText('')
      setOpinionText('')
      setPhotos([])
      await onSaved()
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      setSaving(false)
      setProgress('')
    }
  }

  return {
    method,
    setMethod: (m: AcceptanceMethod) => {
      setMethodValue(m)
      setError(undefined)
    },
    notes,
    setNotes: clear(setNotesText),
    visited,
    setVisited: clear((v: string) => setVisitedText(v.replace(/\D/g, '').slice(0, 6))),
    opinion,
    setOpinion: clear(setOpinionText),
    photos,
    setPhotos,
    error,
    saving,
    progress,
    save,
  }
}
