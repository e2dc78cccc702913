import { View } from '@tarojs/components'
import type { MeView } from '@contract/api'
import { isCommittee, isSecretary } from '@domain/roles'
import { LinkRow } from '@/components/LinkRow'

export interface OrgAdminEntriesProps {
  me: MeView
  onMembers: () => void
  onImport: () => void
  /** 组织管理 (committee); left out, the entry is not shown. */
  onOrgAdmin?: () => void
}

/** On 我的: a secretary's way to their branch roster (invite codes), the committee's to importing the roster. */
export function OrgAdminEntries({ me, onMembers, onImport, onOrgAdmin }: OrgAdminEntriesProps) {
  const secretary = isSecretary(me)
  const committee = isCommittee(me)
  if (!secretary && !committee) return null
  return (
    <View className="org-admin-entries">
      {secretary ? (
        <LinkRow title="支部党员名册" hint="谁已绑定微信 · 为未绑定的党员生成邀请码" onClick={onMembers} />
      ) : null}
      {committee && onOrgAdmin ? (
        <LinkRow
          title="组织管理"
          hint="党委、党总支、支部和党小组 · 书记、组长 · 调动与合并"
          onClick={onOrgAdmin}
        />
      ) : null}
      {committee ? (
        <LinkRow title="导入党员名册" hint="从 Excel 名册导入 · 先预览，无误再导入" onClick={onImport} />
      ) : null}
    </View>
  )
}
