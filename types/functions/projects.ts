import { z } from 'zod'
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '../entities'
import type { ProjectCategory, ProjectStatus } from '../entities'
import { idSchema, pagingSchema } from './common'
import type { Page } from './common'

export const projectsSchemas = {
  list: z
    .object({
      branchId: idSchema.optional(),
      status: z.enum(PROJECT_STATUSES).optional(),
      category: z.enum(PROJECT_CATEGORIES).optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      ...pagingSchema,
    })
    .strict(),
}

export interface ProjectSummary {
  id: string
  title: string
  category: ProjectCategory
  status: ProjectStatus
  slogan: string
  branchId: string
  branchName: string
  year: number
  progress: number
  updatedAt: string
}

export interface ProjectsOutputs {
  list: Page<ProjectSummary>
}
