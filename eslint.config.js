import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      'prisma/generated',
      '.data',
      'apps/console/src/api/schema.d.ts',
      '.dependency-cruiser.cjs', // CommonJS configuration of a tool, read by it alone
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 250 }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through libs/config, not process.env.',
        },
      ],
    },
  },
  {
    files: [
      'libs/config/**',
      'scripts/**',
      'test/support/**',
      'bench/**',
      'apps/github-sim/src/main.ts',
      'apps/cli/src/main.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
