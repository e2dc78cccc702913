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
  // A hang guard, never a speed goal (speed is `npm run bench`): one ceiling for every test and hook, so no test
  // states its own. Tests of a fixed amount of work (20,000 fuzzed calls, a burst of 1,000 check-ins, a
  // province-scale seed) take many times their quiet duration on a loaded 2-core machine: on 2026-12-05, beside
  // two CPU-bound processes and other builds, bad-input took 193 s (21 s quiet) and failed its old 120 s ceiling.
  testTimeout: 600_000,
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
