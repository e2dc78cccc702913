import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { cloudEnvForBuild } from './cloud-env'
import devConfig from './dev'
import prodConfig from './prod'

interface DesignInput {
  file?: string
}

/** NutUI React Taro is drawn on a 375px canvas; our own styles on the usual 750. */
function designWidth(input?: string | number | DesignInput): number {
  const file = typeof input === 'object' && input !== null ? (input.file ?? '') : ''
  return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

// The contract (types/) and the rules (domain/) sit beside src/ and are shared with the cloud functions.
const sharedSources = [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'domain')]

// Aliases live in tsconfig.json so that tsc, jest and webpack read one source of truth.
const tsconfigPaths = new TsconfigPathsPlugin({ configFile: path.resolve(__dirname, '..', 'tsconfig.json') })

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const cloudEnv = cloudEnvForBuild(path.resolve(__dirname, '..'), mode)
  if (!isH5 && cloudEnv.error) throw new Error(`\n✗ ${cloudEnv.error}`)
  if (!isH5 && cloudEnv.warning) console.warn(`\n! ${cloudEnv.warning}\n`)
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangjian-xiangmutong',
    date: '2025-01-01',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    // ariaLabel / ariaRole into the weapp's WXML (see plugin-aria.js); H5 renders them as aria-* already.
    plugins: isH5 ? [] : [path.resolve(__dirname, 'plugin-aria.js')],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(cloudEnv.envId),
    },
    // WeChat reads sitemap.json beside app.json (app.json sitemapLocation); the browser build has no use for it.
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: sharedSources },
      // Component styles are BEM-scoped, so the order pages pull them into common.wxss does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(tsconfigPaths)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: sharedSources },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(tsconfigPaths)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
