import { useCallback, useRef, useState } from 'react'
import type { LedgerFile, LedgerScope } from '@contract/api'
import { toCloudError } from '@/services/cloud-error'
import { openSpreadsheet } from '@/services/open-document'
import { exportLedger } from '../api/ledger'

export type ExportStage = 'idle' | 'exporting' | 'downloading' | 'opening' | 'done' | 'failed'

export interface LedgerExport {
  stage: ExportStage
  /** What is happening, in words (every wait over a second says so). */
  words: string
  busy: boolean
  file: LedgerFile | null
  run: () => Promise<void>
  /** Fetches the last file again (H5: if the browser did not start the download). */
  again: () => Promise<void>
}

const DONE_WORDS = process.env.TARO_ENV === 'weapp' ? '已导出并打开' : '已导出，浏览器已开始下载'

/** 导出: the function writes the workbook, then the phone downloads and opens it. */
export function useLedgerExport(scope: LedgerScope | null): LedgerExport {
  const [stage, setStage] = useState<ExportStage>('idle')
  const [file, setFile] = useState<LedgerFile | null>(null)
  const [error, setError] = useState('')
  const running = useRef(false)

  const open = useCallback(async (f: LedgerFile) => {
    try {
      await openSpreadsheet(f.url, f.fileName, setStage)
      setStage('done')
    } catch {
      setError('文件已生成，但下载或打开失败，请重试')
      setStage('failed')
    }
  }, [])

  const run = useCallback(async () => {
    if (!scope || running.current) return
    running.current = true
    setError('')
    setStage('exporting')
    try {
      const made = await exportLedger(scope)
      setFile(made)
      await open(made)
    } catch (e) {
      setError(toCloudError(e).message)
      setStage('failed')
    } finally {
      running.current = false
    }
  }, [scope, open])

  const again = useCallback(async () => {
    if (file) await open(file)
  }, [file, open])

  const words: Record<ExportStage, string> = {
    idle: '',
    exporting: '正在生成台账文件…',
    downloading: '正在下载文件…',
    opening: '正在打开文件…',
    done: `${DONE_WORDS}：${file?.fileName ?? ''}`,
    failed: `导出失败：${error}`,
  }
  return {
    stage,
    words: words[stage],
    busy: stage === 'exporting' || stage === 'downloading' || stage === 'opening',
    file,
    run,
    again,
  }
}
