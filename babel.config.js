// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // WeChat runs the package as built (project.config.json es6:false): down to what its base library's oldest
        // engines run, with Taro's recommended list for weapp. H5 keeps package.json's browserslist.
        ...(process.env.TARO_ENV === 'weapp'
          ? { targets: ['last 3 versions', 'Android >= 4.1', 'ios >= 8'], ignoreBrowserslistConfig: true }
          : {}),
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        // The package ships lower-case folders (dist/es/packages/button), so map names ourselves.
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
        camel2DashComponentName: false,
      },
      'nutui-react-taro',
    ],
  ],
}
