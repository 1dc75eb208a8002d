import { isStopping, runMain } from './lib/lifecycle.js';
import {
  cycles,
  eslint,
  lockfile,
  prettier,
  provideTestEnvironment,
  runAllJest,
  runJest,
  typecheck,
} from './lib/testing.js';

/**
 * `npm test [-- <jest args>]`: Postgres + Redis (given or started), migrated template database,
 * lockfile (`npm ci` would accept it), typecheck, eslint, prettier, import cycles, then jest (without arguments: every
 * file). Everything runs even when an earlier step fails; the exit code is
 * non-zero when anything failed. The checks run in parallel, while the services start.
 */
await runMain(async () => {
  const environment = provideTestEnvironment();
  const checks = Promise.all([lockfile(), typecheck(), eslint(), prettier(), cycles()]);
  const [env, checkResults] = await Promise.all([environment, checks]);
  if (isStopping()) return 130;
  const args = process.argv.slice(2);
  const jest = await (args.length > 0 ? runJest(args, env) : runAllJest(env));
  if (isStopping()) return 130;
  process.stderr.write('\n── npm test ──\n');
  for (const check of checkResults) process.stderr.write(`${check.name.padEnd(10)} ${check.detail}\n`);
  process.stderr.write(`${'jest'.padEnd(10)} ${jest.summary}\n`);
  const ok = jest.ok && checkResults.every((check) => check.ok);
  const failedChecks = checkResults.filter((check) => !check.ok).map((check) => check.name);
  const tail = failedChecks.length ? ` (and ${failedChecks.join(', ')} failed)` : '';
  process.stdout.write(`${jest.passed} passed, ${jest.failed} failed${tail}\n`);
  return ok ? 0 : 1;
});
