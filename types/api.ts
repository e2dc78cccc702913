import type { z } from 'zod'
import { orgSchemas } from './functions/org'
import type { OrgOutputs } from './functions/org'
import { projectsSchemas } from './functions/projects'
import type { ProjectsOutputs } from './functions/projects'

/** Request schemas of every action of every cloud function. */
export const schemas = {
  org: orgSchemas,
  projects: projectsSchemas,
}

type Schemas = typeof schemas

interface Outputs {
  org: OrgOutputs
  projects: ProjectsOutputs
}

export type FunctionName = keyof Schemas
export type ActionName<F extends FunctionName> = keyof Schemas[F] & keyof Outputs[F] & string

type SchemaOf<F extends FunctionName, A extends ActionName<F>> = Schemas[F][A] extends z.ZodType
  ? Schemas[F][A]
  : never

/** What the app sends (defaults may be left out). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<SchemaOf<F, A>>
/** What the function's handler receives after validation. */
export type ActionParams<F extends FunctionName, A extends ActionName<F>> = z.output<SchemaOf<F, A>>
/** What the function returns inside `{ok:true, data}`. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Outputs[F][A]

export type { Page } from './functions/common'
export type { BranchView, MeView, MemberView } from './functions/org'
export type {
  MilestoneView,
  PersonRef,
  ProjectChange,
  ProjectDetail,
  ProjectEventView,
  ProjectSummary,
  PublicProjectView,
  TaskView,
} from './functions/projects'
