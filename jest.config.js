/** Three projects: pure node (domain, functions, localcloud), DOM components, and the built weapp. */
const tsJest = [
  'ts-jest',
  {
    tsconfig: { jsx: 'react-jsx', module: 'commonjs', esModuleInterop: true, isolatedModules: true },
    diagnostics: false,
  },
]
const aliases = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@contract/(.*)$': '<rootDir>/types/$1',
  '^@domain/(.*)$': '<rootDir>/domain/$1',
}

module.exports = {
  // Integration tests start a whole localcloud; on a loaded 2-core machine, and under the `cloud` profile's
  // round trips, that takes longer than jest's 5 s default. A ceiling, not a speed goal (that is the bench).
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: [
        '<rootDir>/domain',
        '<rootDir>/types',
        '<rootDir>/cloudfunctions',
        '<rootDir>/localcloud',
        '<rootDir>/deploy',
        '<rootDir>/config',
      ],
      testMatch: ['**/__tests__/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper: aliases,
      globalSetup: '<rootDir>/test/global-setup.js',
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/__tests__/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper: {
        ...aliases,
        '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
        '^@nutui/nutui-react-taro$': '<rootDir>/test/mocks/nutui.tsx',
        '\\.(css|scss|less)$': '<rootDir>/test/mocks/style.js',
      },
      setupFilesAfterEnv: ['<rootDir>/test/setup-dom.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      testTimeout: 90_000,
    },
    {
      displayName: 'weapp',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      // The built app calls the real function bundles on localcloud: build them as the node project does.
      globalSetup: '<rootDir>/test/global-setup.js',
    },
  ],
}
