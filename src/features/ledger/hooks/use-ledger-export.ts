import { useCallback, useEffect, useRef, useState } from 'react'
import type { LedgerFile, LedgerJobView, LedgerScope } from '@contract/api'
import { isLedgerJob, jobProgressText } from '@domain/ledger-jobs'
import { toCloudError } from '@/services/cloud-error'
import { openSpreadsheet } from '@/services/open-document'
import { exportLedger, fetchLedgerJob, runLedgerJob } from '../api/ledger'

export type ExportStage = 'idle' | 'exporting' | 'job' | 'downloading' | 'opening' | 'done' | 'failed'

export interface LedgerExport {
  stage: ExportStage
  /** What is happening, in words (every wait over a second says so; a large ledger says how far it has got). */
  words: string
  busy: boolean
  file: LedgerFile | null
  /** A large ledger's job while it is made. */
  job: LedgerJobView | null
  run: () => Promise<void>
  /** Fetches the last file again (H5: if the browser did not start the download). */
  again: () => Promise<void>
}

const DONE_WORDS = process.env.TARO_ENV === 'weapp' ? '已导出并打开' : '已导出，浏览器已开始下载'
/** How often the page asks how far a large export has got. */
export const JOB_POLL_MS = 2000

const finished = (j: LedgerJobView) => j.status === 'ready' || j.status === 'failed'
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * 导出: the function writes the workbook, then the phone downloads and opens it. A large ledger comes back as a
 * job: the page starts its run and, meanwhile, asks every JOB_POLL_MS how far it has got, until it is ready
 * (then the file opens as any other) or has failed. If that run is stopped (the page's call timed out), the
 * job's timer takes it up and the page goes on asking.
 */
export function useLedgerExport(scope: LedgerScope | null): LedgerExport {
  const [stage, setStage] = useState<ExportStage>('idle')
  const [file, setFile] = useState<LedgerFile | null>(null)
  const [job, setJob] = useState<LedgerJobView | null>(null)
  const [error, setError] = useState('')
  const running = useRef(false)
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const open = useCallback(async (f: LedgerFile) => {
    try {
      await openSpreadsheet(f.url, f.fileName, setStage)
      setStage('done')
    } catch {
      setError('文件已生成，但下载或打开失败，请重试')
      setStage('failed')
    }
  }, [])

  /** Runs the job and follows it until it is ready or failed (or the page is left). */
  const follow = useCallback(async (started: LedgerJobView): Promise<LedgerJobView | null> => {
    let done: LedgerJobView | null = null
    runLedgerJob(started.jobId).then(
      (v) => {
        done = v
      },
      // A run stopped at its timeout or cut off by the network: the timer finishes the job; keep asking.
      () => undefined,
    )
    for (;;) {
      await wait(JOB_POLL_MS)
      if (!alive.current) return null
      if (done && finished(done)) return done
      const last = await fetchLedgerJob(started.jobId)
      setJob(last)
      if (finished(last)) return last
    }
  }, [])

  const run = useCallback(async () => {
    if (!scope || running.current) return
    running.current = true
    setError('')
    setJob(null)
    setStage('exporting')
    try {
      const made = await exportLedger(scope)
      if (!isLedgerJob(made)) {
        setFile(made)
        await open(made)
        return
      }
      setJob(made)
      setStage('job')
      // Made already (导出 again within minutes of the last one) or given up: no run to wait for.
      const end = finished(made) ? made : await follow(made)
      if (!end) return
      setJob(end)
      if (end.status === 'ready' && end.file) {
        setFile(end.file)
        await open(end.file)
      } else {
        setError(end.error ?? '台账生成失败，请稍后再试')
        setStage('failed')
      }
    } catch (e) {
      setError(toCloudError(e).message)
      setStage('failed')
    } finally {
      running.current = false
    }
  }, [scope, open, follow])

  const again = useCallback(async () => {
    if (file) await open(file)
  }, [file, open])

  const words: Record<ExportStage, string> = {
    idle: '',
    exporting: '正在生成台账文件…',
    job: job ? jobProgressText(job) : '正在生成台账文件…',
    downloading: '正在下载文件…',
    opening: '正在打开文件…',
    done: `${DONE_WORDS}：${file?.fileName ?? ''}`,
    failed: `导出失败：${error}`,
  }
  return {
    stage,
    words: words[stage],
    busy: stage === 'exporting' || stage === 'job' || stage === 'downloading' || stage === 'opening',
    file,
    job,
    run,
    again,
  }
}
