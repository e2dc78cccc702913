import { dotenvParse } from '@tarojs/helper'

/** CloudBase environment ids: a letter, then letters, digits and dashes (3–64 characters). */
export const CLOUD_ENV_ID = /^[A-Za-z][A-Za-z0-9-]{2,63}$/

export interface CloudEnvChoice {
  /** The id baked into the weapp; '' means `cloud.init()` without env: the mini-program's default environment. */
  envId: string
  /** Said at build time (Chinese, then English); null when there is nothing to say. */
  warning: string | null
  /** Stops the build (Chinese, then English); null when the id is usable. */
  error: string | null
}

/**
 * Which cloud environment a weapp build talks to: `TARO_APP_CLOUD_ENV` from the shell, else from the `.env` files
 * Taro reads. Never a made-up default: without one the app uses the mini-program's default environment.
 */
export function chooseCloudEnv(
  shell: Record<string, string | undefined>,
  dotenv: Record<string, string | undefined>,
): CloudEnvChoice {
  const envId = (shell.TARO_APP_CLOUD_ENV ?? dotenv.TARO_APP_CLOUD_ENV ?? '').trim()
  if (envId && !CLOUD_ENV_ID.test(envId))
    return {
      envId: '',
      warning: null,
      error: `TARO_APP_CLOUD_ENV 不是云开发环境 ID：「${envId}」（云开发控制台 › 设置 › 环境 ID）\n  TARO_APP_CLOUD_ENV is not a CloudBase environment id: "${envId}" (console › settings › environment id)`,
    }
  if (envId) return { envId, warning: null, error: null }
  const legacy = shell.CLOUD_ENV ?? dotenv.CLOUD_ENV
  return {
    envId: '',
    warning:
      `没有设置 TARO_APP_CLOUD_ENV：小程序将使用默认云环境（cloud.init() 不带 env）。` +
      `${legacy ? `（CLOUD_ENV=${legacy} 只给部署用，Taro 不读它。）` : ''}` +
      `要指定环境，请在 .env 写 TARO_APP_CLOUD_ENV=<环境 ID>，或用 npm run deploy 构建。\n` +
      `  TARO_APP_CLOUD_ENV is not set: the app will use the mini-program's default cloud environment (cloud.init() without env).` +
      `${legacy ? ` (CLOUD_ENV=${legacy} is read by deploy only, not by Taro.)` : ''}` +
      ` Set TARO_APP_CLOUD_ENV=<env id> in .env, or build with npm run deploy.`,
    error: null,
  }
}

/** `chooseCloudEnv` for this build: the process environment and the `.env` files of `root` for `mode`. */
export function cloudEnvForBuild(root: string, mode: string | undefined): CloudEnvChoice {
  // Taro's own reader, so the same files and precedence as the TARO_APP_* constants it defines. It also copies
  // what it read into process.env, so the shell's values are taken first.
  const shell = { ...process.env }
  const dotenv = dotenvParse(root, ['TARO_APP_', 'CLOUD_ENV'], mode) as Record<string, string>
  return chooseCloudEnv(shell, dotenv)
}
