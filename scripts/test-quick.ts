import { runMain } from './lib/lifecycle.js';
import { provideTestEnvironment, runAllJest, runJest } from './lib/testing.js';

/** `npm run test:quick [-- <jest args>]`: services + migrated template, then jest only (no typecheck/lint). */
await runMain(async () => {
  const args = process.argv.slice(2);
  const env = await provideTestEnvironment();
  const jest = await (args.length > 0 ? runJest(args, env) : runAllJest(env));
  process.stdout.write(`${jest.passed} passed, ${jest.failed} failed\n`);
  return jest.ok ? 0 : 1;
});
