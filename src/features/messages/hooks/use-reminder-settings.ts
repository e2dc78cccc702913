import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ReminderSettingsView } from '@contract/api'
import type { ReminderKind } from '@contract/entities'
import { REMINDER_KIND_LABELS } from '@domain/labels'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { MAX_TEMPLATES_PER_ASK, requestSubscriptions } from '@/services/subscribe'
import { fetchReminderSettings, saveReminderSettings } from '../api/messages'

/** One 开启微信提醒 button: the templates one WeChat dialog asks for, and the kinds they carry. */
export interface SubscribeGroup {
  templateIds: string[]
  labels: string[]
}

export interface ReminderSettings {
  settings: RequestState<ReminderSettingsView>
  /** Each kind's switch as shown, including a change still being saved. */
  isOn: (kind: ReminderKind) => boolean
  saving: (kind: ReminderKind) => boolean
  /** Saves the one kind at once; on failure the switch goes back and a toast says why. */
  toggle: (kind: ReminderKind) => Promise<void>
  /** The templates of the kinds switched on, at most 3 a group, as WeChat asks for at most 3 at a time. */
  groups: SubscribeGroup[]
  /** Asks WeChat for one group: call it straight from the tap. */
  subscribe: (group: SubscribeGroup) => Promise<void>
}

/** The distinct templates of the kinds that are on, in groups WeChat can ask for in one dialog. */
export function subscribeGroups(
  view: ReminderSettingsView,
  isOn: (k: ReminderKind) => boolean,
): SubscribeGroup[] {
  const labels = new Map<string, string[]>()
  for (const { kind, templateId } of view.kinds) {
    if (!templateId || !isOn(kind)) continue
    labels.set(templateId, [...(labels.get(templateId) ?? []), REMINDER_KIND_LABELS[kind]])
  }
  const ids = [...labels.keys()]
  const groups: SubscribeGroup[] = []
  for (let i = 0; i < ids.length; i += MAX_TEMPLATES_PER_ASK) {
    const templateIds = ids.slice(i, i + MAX_TEMPLATES_PER_ASK)
    groups.push({ templateIds, labels: templateIds.flatMap((id) => labels.get(id) ?? []) })
  }
  return groups
}

/** 提醒设置: a switch per kind that saves on tap, and the WeChat subscriptions those kinds need. */
export function useReminderSettings(): ReminderSettings {
  const settings = useRequest(useCallback(() => fetchReminderSettings(), []))
  // What the person switched: shown at once, kept as the server confirmed it, put back on failure.
  const [changed, setChanged] = useState<Partial<Record<ReminderKind, boolean>>>({})
  const [pending, setPending] = useState<ReadonlySet<ReminderKind>>(new Set())
  const busy = useRef(new Set<ReminderKind>())
  const view = settings.data

  const isOn = (kind: ReminderKind) => changed[kind] ?? view?.kinds.find((k) => k.kind === kind)?.on ?? false

  const toggle = async (kind: ReminderKind) => {
    if (!view || busy.current.has(kind)) return
    const before = isOn(kind)
    const next = !before
    busy.current.add(kind)
    setPending(new Set(busy.current))
    setChanged((c) => ({ ...c, [kind]: next }))
    try {
      const res = await saveReminderSettings({ [kind]: next })
      const on = res.kinds.find((k) => k.kind === kind)?.on ?? next
      setChanged((c) => ({ ...c, [kind]: on }))
    } catch (e) {
      // Back to what was last saved.
      setChanged((c) => ({ ...c, [kind]: before }))
      showErrorToast(e)
    } finally {
      busy.current.delete(kind)
      setPending(new Set(busy.current))
    }
  }

  const subscribe = async (group: SubscribeGroup) => {
    const granted = await requestSubscriptions(group.templateIds)
    if (granted.length > 0) showSuccessToast('已开启微信提醒')
    else void Taro.showToast({ title: '未开启微信提醒', icon: 'none', duration: 2000 })
  }

  return {
    settings,
    isOn,
    saving: (kind) => pending.has(kind),
    toggle,
    groups: view ? subscribeGroups(view, isOn) : [],
    subscribe,
  }
}
