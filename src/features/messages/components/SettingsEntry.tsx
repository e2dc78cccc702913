import { LinkRow } from '@/components/LinkRow'

export interface SettingsEntryProps {
  onClick: () => void
}

/** The way to 提醒设置, on 消息 and on 我的: a white row, named as a whole for screen readers. */
export function SettingsEntry({ onClick }: SettingsEntryProps) {
  return <LinkRow title="提醒设置" hint="接收哪些提醒 · 开启微信通知" onClick={onClick} />
}
