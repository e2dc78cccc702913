import { PUBLIC_PAGE, publicScene } from '../../../domain/mini-code'
import { canMakePoster, isPublic } from '../../../domain/project-permissions'
import { fail, ok } from '../../../types/result'
import { makeMiniCode } from '../../_shared/mini-code'
import { getProject } from '../../_shared/repositories/projects'
import type { Handler } from '../../_shared/router'

/**
 * 四公开海报: the 小程序码 that opens a running or finished project's public page (scene `p=<id>`, nothing
 * personal), for its branch secretary or the committee to draw on a poster. A draft has no public page.
 */
export const posterCode: Handler<'projects', 'posterCode'> = async ({ id }, { caller }) => {
  const project = await getProject(id)
  if (!project || !(canMakePoster(caller, project) || isPublic(project)))
    return fail('NOT_FOUND', '没有找到这个项目')
  if (!canMakePoster(caller, project)) return fail('FORBIDDEN', '只有本支部书记和党委可以生成四公开海报')
  if (!isPublic(project)) return fail('CONFLICT', '项目立项实施后才有四公开页面，暂不能生成海报')
  const made = await makeMiniCode(PUBLIC_PAGE, publicScene(project._id))
  if (!made.ok) return fail('CONFLICT', made.problem)
  return ok({ code: made.code })
}
