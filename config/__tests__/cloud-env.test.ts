import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chooseCloudEnv, cloudEnvForBuild } from '../cloud-env'

describe('the cloud environment a weapp build talks to', () => {
  it('takes TARO_APP_CLOUD_ENV, the shell before .env', () => {
    expect(chooseCloudEnv({ TARO_APP_CLOUD_ENV: 'prod-7g8h9i' }, {})).toEqual({
      envId: 'prod-7g8h9i',
      warning: null,
      error: null,
    })
    expect(chooseCloudEnv({}, { TARO_APP_CLOUD_ENV: 'from-file-1' }).envId).toBe('from-file-1')
    expect(
      chooseCloudEnv({ TARO_APP_CLOUD_ENV: 'from-shell-1' }, { TARO_APP_CLOUD_ENV: 'from-file-1' }).envId,
    ).toBe('from-shell-1')
  })

  it('never invents an id: without one it is empty and the build warns in Chinese and English', () => {
    const choice = chooseCloudEnv({}, {})
    expect(choice.envId).toBe('')
    expect(choice.error).toBeNull()
    expect(choice.warning).toContain('小程序将使用默认云环境')
    expect(choice.warning).toContain("the app will use the mini-program's default cloud environment")
  })

  it('says that CLOUD_ENV alone is read by deploy only', () => {
    const choice = chooseCloudEnv({}, { CLOUD_ENV: 'prod-7g8h9i' })
    expect(choice.envId).toBe('')
    expect(choice.warning).toContain('CLOUD_ENV=prod-7g8h9i 只给部署用')
  })

  it('stops the build on something that is not an env id', () => {
    const choice = chooseCloudEnv({ TARO_APP_CLOUD_ENV: '生产 环境' }, {})
    expect(choice.envId).toBe('')
    expect(choice.error).toContain('TARO_APP_CLOUD_ENV 不是云开发环境 ID')
    expect(choice.error).toContain('not a CloudBase environment id')
  })

  it('reads the .env files Taro reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dj-env-'))
    const saved = process.env.TARO_APP_CLOUD_ENV
    delete process.env.TARO_APP_CLOUD_ENV
    try {
      writeFileSync(join(dir, '.env'), 'TARO_APP_CLOUD_ENV=base-env-1\n')
      writeFileSync(join(dir, '.env.production'), 'TARO_APP_CLOUD_ENV=prod-env-1\n')
      expect(cloudEnvForBuild(dir, 'production').envId).toBe('prod-env-1')
      // Taro's reader copies what it read into process.env, as it does in a build.
      delete process.env.TARO_APP_CLOUD_ENV
      expect(cloudEnvForBuild(dir, 'development').envId).toBe('base-env-1')
    } finally {
      delete process.env.TARO_APP_CLOUD_ENV
      if (saved !== undefined) process.env.TARO_APP_CLOUD_ENV = saved
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
