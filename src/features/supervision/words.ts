import { DUE_STATE_LABELS } from '@domain/labels'

/** 已逾期, as everywhere in the app. */
export const OVERDUE_WORD = DUE_STATE_LABELS.overdue
