import { runMain } from './lib/lifecycle.js';
import { provideTestEnvironment, runJest } from './lib/testing.js';

/** `npm run test:quick [-- <jest args>]`: services + migrated template, then jest only (no typecheck/lint). */
await runMain(async () => {
  const jest = await runJest(process.argv.slice(2), await provideTestEnvironment());
  process.stdout.write(`${jest.passed} passed, ${jest.failed} failed\n`);
  return jest.ok ? 0 : 1;
});
