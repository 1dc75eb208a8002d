/**
 * `npm run lint` (and `npm test`) fail on an import cycle between two files of the project, type-only
 * imports included. Prisma's generated client is left out: it is not ours to shape.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files must not import each other, directly or through others (type-only imports count).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|prisma/generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
    },
  },
};
