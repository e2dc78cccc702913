import { useState } from 'react'
import type { RosterImportView } from '@contract/api'
import { toCloudError } from '@/services/cloud-error'
import { uploadFile } from '@/services/upload-file'
import { importRoster } from '../api/import-roster'

export type RosterImportStep = 'choose' | 'checking' | 'preview' | 'importing' | 'done'

export interface RosterImportState {
  step: RosterImportStep
  result: RosterImportView | null
  error: string | null
  /** Uploads the chosen .xlsx and previews it. */
  check: (localPath: string, personId: string) => Promise<void>
  /** Imports the previewed file (only offered when it has no errors). */
  commit: () => Promise<void>
  reset: () => void
}

/** 导入党员名册: upload, preview every row, then import the same file. */
export function useRosterImport(): RosterImportState {
  const [step, setStep] = useState<RosterImportStep>('choose')
  const [fileId, setFileId] = useState<string | null>(null)
  const [result, setResult] = useState<RosterImportView | null>(null)
  const [error, setError] = useState<string | null>(null)

  const check = async (localPath: string, personId: string) => {
    setStep('checking')
    setError(null)
    try {
      const id = await uploadFile(localPath, personId)
      setFileId(id)
      setResult(await importRoster(id, false))
      setStep('preview')
    } catch (e) {
      setError(toCloudError(e).message)
      setStep('choose')
    }
  }
  const commit = async () => {
    if (!fileId) return
    setStep('importing')
    setError(null)
    try {
      const done = await importRoster(fileId, true)
      setResult(done)
      setStep(done.committed ? 'done' : 'preview')
    } catch (e) {
      setError(toCloudError(e).message)
      setStep('preview')
    }
  }
  const reset = () => {
    setStep('choose')
    setFileId(null)
    setResult(null)
    setError(null)
  }
  return { step, result, error, check, commit, reset }
}
