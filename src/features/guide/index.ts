export { fetchGuide } from './api/guide'
export { useGuide, useGuideEditor, useGuideFor, useYearCategoryNames } from './hooks/use-guide'
export type { GuideEditor, GuidePage } from './hooks/use-guide'
