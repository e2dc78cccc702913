import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { weappEnvProblem } from '../scripts/lib/weapp-env.cjs'
import type { Finding } from './checks'

/** Every script of a weapp build, by its path inside dist/. */
export function readWeappScripts(dist: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.js')) out[relative(dist, file)] = readFileSync(file, 'utf8')
    }
  }
  walk(dist)
  return out
}

/** An id this repository once baked in when none was set: a build carrying it talks to nobody's environment. */
export const INVENTED_ENV_IDS = ['dangjian-dev']

/**
 * The built weapp calls the environment the deploy targets (`envId`, '' when none is configured) and no id this
 * repository invented.
 */
export function checkWeappEnv(dist: string, envId: string, scripts: Record<string, string>): Finding[] {
  const out: Finding[] = []
  const problem = weappEnvProblem(dist, envId)
  if (problem) out.push({ level: 'error', where: 'dist/', message: `${problem.zh} (${problem.en})` })
  for (const invented of INVENTED_ENV_IDS)
    if (invented !== envId && Object.values(scripts).some((code) => code.includes(`"${invented}"`)))
      out.push({
        level: 'error',
        where: 'dist/',
        message: `小程序连接了虚构的云环境 ${invented}：重新 npm run build:weapp (the weapp calls the made-up environment ${invented}; rebuild it)`,
      })
  if (!envId)
    out.push({
      level: 'warning',
      where: 'dist/',
      message:
        '没有设置 CLOUD_ENV / TARO_APP_CLOUD_ENV：小程序使用默认云环境 (no env id set: the app uses the default environment)',
    })
  return out
}
