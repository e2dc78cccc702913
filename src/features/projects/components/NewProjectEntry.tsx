import { EntryRow } from '@/components/EntryRow'

export interface NewProjectEntryProps {
  onClick: () => void
}

/** The secretary's way into a new 立项表. */
export function NewProjectEntry({ onClick }: NewProjectEntryProps) {
  return <EntryRow title="新建立项" hint="起草本支部的党建项目立项表" mark="+" onClick={onClick} />
}
