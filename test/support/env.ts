/** The variables `npm test` / `npm run test:quick` set for jest (see scripts/lib/testing.ts). */
export interface TestEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  TEST_TEMPLATE_DB: string;
  TEST_RUN_ID: string;
  /** Chromium for the browser tests (provided, or installed, by the test command). */
  CHROMIUM_PATH: string;
}

/** Reads the named variables or fails with a message saying how tests are meant to be run. */
export function requireTestEnv<K extends keyof TestEnv>(
  names: readonly K[],
  env: NodeJS.ProcessEnv = process.env,
): Pick<TestEnv, K> {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: run tests through \`npm test\` ` +
        '(or `npm run test:quick`), which provides Postgres and Redis, a migrated template database and these variables.',
    );
  }
  return Object.fromEntries(names.map((name) => [name, env[name]])) as Pick<TestEnv, K>;
}

/** The jest worker number (1…n), for names that must not collide between parallel test files. */
export function workerId(): string {
  return process.env.JEST_WORKER_ID ?? '0';
}
