import type { MeView } from '@contract/api'
import { ROLE_LABELS } from '@domain/labels'

/** Where a person sits: their branch, or 党委 for committee staff who belong to no branch. */
export const unitNameOf = (me: Pick<MeView, 'branch'>): string => me.branch?.name ?? '党委'

/** The person's roles as words, strongest first as the function sends them. */
export const roleLabelsOf = (me: Pick<MeView, 'roles'>): string[] => me.roles.map((r) => ROLE_LABELS[r])
