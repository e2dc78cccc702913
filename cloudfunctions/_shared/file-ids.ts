import { fileIdProblem } from '../../domain/files'
import type { InputIssue } from '../../types/result'
import { cloud } from './cloud'

/**
 * What is wrong with the cloud file ids a payload attaches at `path`: each must be one of the caller's own
 * uploads to this environment's storage, of an allowed type (the schema only checked `cloud://`).
 */
export function fileIdIssues(
  fileIds: readonly string[],
  personId: string,
  extensions: readonly string[],
  path: string,
): InputIssue[] {
  // getWXContext().ENV is the environment the function runs in: its storage is the only one we accept.
  const env = cloud.getWXContext().ENV ?? ''
  const issues: InputIssue[] = []
  fileIds.forEach((id, k) => {
    const problem = fileIdProblem(id, env, personId, extensions)
    if (problem) issues.push({ path: `${path}.${k}`, message: problem })
    else if (fileIds.indexOf(id) !== k) issues.push({ path: `${path}.${k}`, message: '文件重复' })
  })
  return issues
}
