import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { ProjectChange, ProjectDetail } from '@contract/api'
import type { ProjectAction, SubscribeMoment } from '@contract/entities'
import { describeMissing, type MissingField } from '@domain/proposal'
import { usePageAction } from '@/hooks/use-page-action'
import { routes } from '@/routes'
import { confirmAction, type ConfirmOptions } from '@/services/confirm'
import { askToSubscribe } from '@/services/subscribe'
import {
  approveProposal,
  archiveProject,
  returnAcceptance,
  returnProposal,
  startProject,
  submitProposal,
  withdrawProposal,
} from '../api/transitions'

/** Actions that open another page instead of changing the project here. */
const PAGES: Partial<Record<ProjectAction, (id: string) => string>> = {
  edit: routes.proposal,
  save_plan: routes.plan,
  request_acceptance: routes.acceptance,
  accept: routes.review,
}

interface Step {
  confirm: ConfirmOptions
  run: (id: string) => Promise<ProjectChange>
  done: string
  /** The WeChat notifications to ask for at this tap (the server's prompts by moment). */
  subscribe?: SubscribeMoment
}

/** Actions taken right here, each after a confirmation. */
const STEPS: Partial<Record<ProjectAction, Step>> = {
  submit: {
    confirm: {
      title: '提交立项',
      content: '提交后由党委审批，审批期间不能修改立项表。确认提交？',
      confirmText: '提交',
    },
    run: submitProposal,
    done: '已提交立项',
    subscribe: 'propose',
  },
  withdraw: {
    confirm: {
      title: '撤回立项申请',
      content: '撤回后立项表回到草稿，修改后需重新提交。确认撤回？',
      confirmText: '撤回',
    },
    run: withdrawProposal,
    done: '已撤回',
  },
  approve: {
    confirm: {
      title: '批准立项',
      content: '批准后项目进入“已立项”，支部即可编写计划书。确认批准？',
      confirmText: '批准',
    },
    run: approveProposal,
    done: '已批准立项',
    subscribe: 'review',
  },
  start: {
    confirm: {
      title: '开始实施',
      content: '开始实施后，党员按计划书打卡写实。确认开始？',
      confirmText: '开始',
    },
    run: startProject,
    done: '已开始实施',
  },
  archive: {
    confirm: { title: '归档', content: '归档后项目只能查看，不能再修改。确认归档？', confirmText: '归档' },
    run: archiveProject,
    done: '已归档',
  },
}

/** Actions that need a reason first (returns must say why). */
export type CommentAction = 'return' | 'return_acceptance'

export const COMMENT_SHEETS: Record<
  CommentAction,
  {
    title: string
    placeholder: string
    confirmText: string
    done: string
    run: (id: string, c: string) => Promise<ProjectChange>
  }
> = {
  return: {
    title: '退回立项申请',
    placeholder: '请写明退回原因和修改意见',
    confirmText: '确认退回',
    done: '已退回',
    run: returnProposal,
  },
  return_acceptance: {
    title: '退回整改',
    placeholder: '请写明需要整改的问题',
    confirmText: '确认退回',
    done: '已退回整改',
    run: returnAcceptance,
  },
}

const isCommentAction = (a: ProjectAction): a is CommentAction => a in COMMENT_SHEETS

export interface ProjectActions {
  /** Runs one action: opens its page, asks and calls, or opens the comment sheet. */
  run: (action: ProjectAction) => Promise<void>
  busy: boolean
  /** The return whose comment sheet is open. */
  commenting: CommentAction | null
  closeComment: () => void
  /** Sends the open return with its comment; false (and nothing sent) when the comment is empty. */
  sendComment: (comment: string) => Promise<boolean>
}

/** What the project page's action bar does; every change is confirmed, toasted, then the project reloaded. */
export function useProjectActions(
  detail: ProjectDetail | undefined,
  reload: () => Promise<void>,
): ProjectActions {
  const action = usePageAction(reload)
  const busy = action.busy
  const [commenting, setCommenting] = useState<CommentAction | null>(null)

  const change = (call: () => Promise<unknown>, done: string): Promise<boolean> =>
    action.run(async () => {
      await call()
      return done
    })

  const run = async (action: ProjectAction) => {
    if (!detail || busy) return
    const { id } = detail
    if (action === 'submit' && detail.missingFields.length > 0) {
      const missing = detail.missingFields.map((label) => ({ label }) as MissingField)
      const go = await confirmAction({
        title: '立项表还不完整',
        content: describeMissing(missing),
        confirmText: '去填写',
      })
      if (go) void Taro.navigateTo({ url: routes.proposal(id) })
      return
    }
    if (action === 'start' && detail.planProblems.length > 0) {
      const go = await confirmAction({
        title: '计划书还不完整',
        content: detail.planProblems.join('；'),
        confirmText: '去完善',
      })
      if (go) void Taro.navigateTo({ url: routes.plan(id) })
      return
    }
    const page = PAGES[action]
    if (page) {
      void Taro.navigateTo({ url: page(id) })
      return
    }
    if (isCommentAction(action)) {
      setCommenting(action)
      return
    }
    const step = STEPS[action]
    if (!step) return
    if (!(await confirmAction(step.confirm))) return
    // After the confirm dialog, never stacked on it: WeChat counts its 确定 as the tap the request needs.
    if (step.subscribe) void askToSubscribe(step.subscribe)
    await change(() => step.run(id), step.done)
  }

  const sendComment = async (comment: string) => {
    if (!detail || !commenting) return false
    const text = comment.trim()
    if (!text) return false
    const sheet = COMMENT_SHEETS[commenting]
    if (!(await confirmAction({ title: sheet.title, content: `退回意见：${text}`, confirmText: '退回' })))
      return false
    const ok = await change(() => sheet.run(detail.id, text), sheet.done)
    if (ok) setCommenting(null)
    return ok
  }

  return { run, busy, commenting, closeComment: () => setCommenting(null), sendComment }
}
