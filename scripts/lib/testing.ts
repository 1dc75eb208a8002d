import { buildConsole, provideChromium } from './console.js';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isStopping, onCleanup } from './lifecycle.js';
import { applyMigrations } from './migrations.js';
import { PrerequisiteError, formatDuration, step, warn } from './log.js';
import { binDir, dataDir, repoRoot } from './paths.js';
import { createDatabase, dropDatabasesWithPrefix, query, quoteIdent, withDatabase } from './pg.js';
import { capture, run } from './proc.js';
import { deleteKeysMatching } from './redis-keys.js';
import { provideServices } from './services.js';

const INSUFFICIENT_PRIVILEGE = '42501';

/** The environment the test helpers (test/support) read. */
export interface TestEnvironment {
  DATABASE_URL: string;
  REDIS_URL: string;
  TEST_TEMPLATE_DB: string;
  TEST_RUN_ID: string;
  CHROMIUM_PATH: string;
}

/**
 * Postgres + Redis for a test run, and a template database migrated once from which every test file
 * clones its own database. Databases and Redis keys of the run are removed again on exit.
 */
export async function provideTestEnvironment(): Promise<TestEnvironment> {
  const services = await provideServices({ postgres: true, redis: true, migrate: false });
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const template = `gms_test_${runId}`;
  onCleanup('test databases', async () => {
    const dropped = await dropDatabasesWithPrefix(services.serverUrl, template);
    if (dropped.length > 1) step(`dropped ${dropped.length - 1} test database(s) left behind by tests`);
  });
  if (!services.startedRedis) {
    onCleanup(
      'test redis keys',
      async () => void (await deleteKeysMatching(services.redisUrl, `*test:${runId}:*`)),
    );
  }
  const started = Date.now();
  await createDatabase(services.serverUrl, template).catch((error: { code?: string }) => {
    if (error.code !== INSUFFICIENT_PRIVILEGE) throw error;
    throw new PrerequisiteError(
      'The DATABASE_URL role may not create databases (tests clone one per file from a template): ' +
        'grant it CREATEDB, or unset DATABASE_URL to use a local server.',
    );
  });
  const applied = await applyMigrations(withDatabase(services.serverUrl, template));
  // Nobody may connect to the template: CREATE DATABASE … TEMPLATE fails while it has connections.
  await query(services.serverUrl, `ALTER DATABASE ${quoteIdent(template)} WITH ALLOW_CONNECTIONS false`);
  step(
    `template database ${template}: ${applied.length} migration(s) applied in ${formatDuration(Date.now() - started)}`,
  );
  // The browser tests drive the built console with Chromium (installed with apt when missing, as root).
  const [chromium] = await Promise.all([provideChromium(), buildConsole()]);
  return {
    DATABASE_URL: services.serverUrl,
    REDIS_URL: services.redisUrl,
    TEST_TEMPLATE_DB: template,
    TEST_RUN_ID: runId,
    CHROMIUM_PATH: chromium,
  };
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** Runs a check with its output collected, then prints that output in one block. */
export async function runCheck(name: string, command: string, args: string[]): Promise<CheckResult> {
  const started = Date.now();
  const result = await capture(command, args, {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ok = result.code === 0;
  const output = `${result.stdout}${result.stderr}`.trim();
  if (isStopping()) return { name, ok: false, detail: 'interrupted' };
  if (!ok || output.includes('warning')) {
    process.stderr.write(`\n── ${name} (exit ${result.code}) ──\n${output}\n`);
  }
  return { name, ok, detail: `${ok ? 'ok' : 'FAILED'} in ${formatDuration(Date.now() - started)}` };
}

const bin = (name: string): string => path.join(binDir, name);
export const typecheck = async (): Promise<CheckResult> => {
  const [server, browser] = await Promise.all([
    runCheck('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
    runCheck('typecheck (console)', bin('tsc'), ['--noEmit', '-p', 'apps/console/tsconfig.json']),
  ]);
  return {
    name: 'typecheck',
    ok: server.ok && browser.ok,
    detail: `${server.detail}; console ${browser.detail}`,
  };
};
export const eslint = (): Promise<CheckResult> => runCheck('eslint', bin('eslint'), ['.']);
/** No import cycle between two files (dependency-cruiser, `.dependency-cruiser.cjs`; type-only imports count). */
export const cycles = (): Promise<CheckResult> =>
  runCheck('cycles', bin('depcruise'), ['apps', 'libs', 'test', 'bench', 'scripts', '--output-type', 'err']);
export const prettier = (): Promise<CheckResult> =>
  runCheck('prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
/**
 * `npm ci` accepts the lockfile (in sync with package.json, every platform's optional packages listed):
 * the Dockerfile and every CI that installs the usual way run `npm ci`. A dry run touches nothing.
 */
export const lockfile = (): Promise<CheckResult> =>
  runCheck('lockfile', 'npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund']);

export interface JestResult {
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  summary: string;
}

interface JestJson {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  numFailedTestSuites: number;
  numRuntimeErrorTestSuites: number;
}

/** Every test file, on 2 workers. */
export function runAllJest(env: TestEnvironment): Promise<JestResult> {
  return runJest(['--testPathIgnorePatterns', '/node_modules/', '/dist/'], env);
}

/** Runs jest (native ESM mode, 2 workers) with the test environment; extra args are jest's. */
export async function runJest(args: string[], env: TestEnvironment): Promise<JestResult> {
  mkdirSync(dataDir, { recursive: true });
  const resultFile = path.join(dataDir, `jest-result-${process.pid}.json`);
  rmSync(resultFile, { force: true });
  const nodeOptions = [
    process.env.NODE_OPTIONS,
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
  ];
  const started = Date.now();
  const code = await run(
    path.join(binDir, 'jest'),
    ['--maxWorkers=2', '--json', `--outputFile=${resultFile}`, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, NODE_ENV: 'test', NODE_OPTIONS: nodeOptions.filter(Boolean).join(' ') },
    },
  );
  const took = formatDuration(Date.now() - started);
  if (!existsSync(resultFile)) {
    warn(`jest exited with code ${code} before reporting results`);
    return {
      ok: false,
      passed: 0,
      failed: 0,
      skipped: 0,
      summary: `FAILED (exit ${code}, no results) in ${took}`,
    };
  }
  const json = JSON.parse(readFileSync(resultFile, 'utf8')) as JestJson;
  rmSync(resultFile, { force: true });
  const skipped = json.numPendingTests + json.numTodoTests;
  const brokenSuites = json.numRuntimeErrorTestSuites;
  const ok = code === 0 && json.success;
  const parts = [`${json.numPassedTests} passed`, `${json.numFailedTests} failed`];
  if (skipped) parts.push(`${skipped} skipped`);
  if (brokenSuites) parts.push(`${brokenSuites} suite(s) failed to run`);
  const summary = `${parts.join(', ')} in ${json.numTotalTestSuites} suite(s), ${took}${ok ? '' : ' — FAILED'}`;
  return { ok, passed: json.numPassedTests, failed: json.numFailedTests, skipped, summary };
}
