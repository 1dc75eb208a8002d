/** Jest runs in native ESM mode (NestJS 12 ships ES modules); swc strips types, `npm run typecheck` checks them. */
const swc = {
  sourceMaps: 'inline',
  module: { type: 'es6' },
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^#libs/([^/]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // CommonJS packages of fastify's that require an ES-module-only dependency (require(esm), which Node
    // 20.19+ does and Jest's module loader does not): the tests load the CommonJS release before it, same
    // API (content-disposition 2 for @fastify/static, path-to-regexp 8 for @fastify/middie).
    '^content-disposition$': '<rootDir>/node_modules/content-disposition/dist/index.js',
    '^path-to-regexp$': '<rootDir>/node_modules/path-to-regexp/dist/index.js',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts', '<rootDir>/test/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
