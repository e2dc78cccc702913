// Which cloud environment a built weapp (dist/) calls: the id TARO_APP_CLOUD_ENV baked into its scripts.
// CommonJS so that both deploy.mjs and the TypeScript checks (under jest) can load it.
const { existsSync, readdirSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

/** The top-level scripts of a weapp build (app.js, common.js, vendors.js, taro.js, runtime.js). */
function topScripts(dist) {
  return readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dist, f), 'utf8'))
}

/**
 * null when `dist` is a weapp built to call `envId`; else what is wrong, in Chinese and English. An empty `envId`
 * asks for no check (the default environment).
 */
function weappEnvProblem(dist, envId) {
  if (!existsSync(join(dist, 'app.js')))
    return {
      zh: `${dist} 里没有构建好的小程序（app.js）：先运行 npm run build:weapp`,
      en: `No built weapp (app.js) in ${dist}: run npm run build:weapp first`,
    }
  if (!envId) return null
  const quoted = [`"${envId}"`, `'${envId}'`, `\`${envId}\``]
  if (!topScripts(dist).some((code) => quoted.some((q) => code.includes(q))))
    return {
      zh: `dist/ 里的小程序不是为环境 ${envId} 构建的：用 TARO_APP_CLOUD_ENV=${envId} npm run build:weapp 重新构建`,
      en: `The weapp in dist/ was not built for ${envId}: rebuild with TARO_APP_CLOUD_ENV=${envId} npm run build:weapp`,
    }
  return null
}

module.exports = { weappEnvProblem }
