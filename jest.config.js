'use strict';
// Projects: `unit` (pure modules), `server` (a real NocoBase app per test file, over HTTP),
// `browser` (Chromium against a running app), `stock` (our tarball in a stock NocoBase app).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: false, react: { runtime: 'automatic' } },
      target: 'es2021',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    // Tests run our plugins from source, as NocoBase's own test runner does.
    '^@minqing/(plugin-[\\w-]+)$': '<rootDir>/plugins/@minqing/$1/src/index.ts',
    // the core's vocabulary and rules alone (pure modules: no NocoBase loaded with them)
    '^@minqing/(plugin-[\\w-]+)/domain$': '<rootDir>/plugins/@minqing/$1/src/server/domain/index.ts',
    '^@minqing/(plugin-[\\w-]+)/package.json$': '<rootDir>/plugins/@minqing/$1/package.json',
  },
  testEnvironment: 'node',
  // storage/ holds runtime copies of our packages (stock-app plugins, tarballs): never modules of the tests
  modulePathIgnorePatterns: ['<rootDir>/storage/'],
};

module.exports = {
  testTimeout: 120000,
  // a NocoBase app leaves timers (workflow dispatch, caches) behind after destroy(); the run is over
  forceExit: true,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/plugins/@minqing/*/src/**/__tests__/**/*.unit.test.ts',
        '<rootDir>/packages/*/__tests__/**/*.test.js',
        '<rootDir>/packages/*/__tests__/**/*.unit.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'server',
      testMatch: [
        '<rootDir>/plugins/@minqing/*/src/server/__tests__/**/*.test.ts',
        '<rootDir>/test/server/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.unit\\.test\\.ts$'],
      setupFiles: ['<rootDir>/packages/test-utils/jest/setup-env.js'],
      globalSetup: '<rootDir>/packages/test-utils/jest/global-setup.js',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      // one app for every file (packages/test-utils/src/shared-app.ts)
      globalSetup: '<rootDir>/packages/test-utils/jest/browser-setup.ts',
      globalTeardown: '<rootDir>/packages/test-utils/jest/browser-teardown.ts',
    },
    {
      // benchmarks print measurements; `npm run bench`, never part of `npm test`
      ...common,
      displayName: 'bench',
      testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
      setupFiles: ['<rootDir>/packages/test-utils/jest/setup-env.js'],
      globalSetup: '<rootDir>/packages/test-utils/jest/global-setup.js',
    },
    {
      ...common,
      displayName: 'stock',
      testMatch: ['<rootDir>/test/stock/**/*.test.ts'],
    },
  ],
};
