// A Taro build plugin: `ariaLabel` / `ariaRole` reach WeChat's accessibility attributes (aria-label, aria-role) in
// the weapp build. Taro 4.2.1 binds in base.wxml only the attributes its component table lists, and that table has
// no aria-* entries, so the props were dropped on the way to WXML. @tarojs/plugin-inject patches the same table,
// but it has no 4.2.1 release (its last is 4.1.11). The table lives twice, and both need the attributes:
// - at build, in the platform's template object, which `ctx.onSetupClose(platform)` hands a plugin after the
//   platform's own changes (`modifyRunnerOpts` reaches only the config, not this object);
// - at run time, in @tarojs/shared's internalComponents, which gives each attribute its short name (`i.p1`) in
//   the page data: plugin-aria-runtime.js, added to the platform's runtimePath in `ctx.onBuildInit(platform)`.
const path = require('node:path')
const components = require('./aria-components.json')

const RUNTIME = path.join(__dirname, 'plugin-aria-runtime.js')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      platform.template.mergeComponents(ctx, components)
    },
  })
  ctx.registerMethod({
    name: 'onBuildInit',
    fn(platform) {
      const paths = Array.isArray(platform.runtimePath) ? platform.runtimePath : [platform.runtimePath]
      if (!paths.includes(RUNTIME)) platform.runtimePath = [...paths, RUNTIME]
    },
  })
}
