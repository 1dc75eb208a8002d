import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { replayAll, replayStage, type ReplayedStage } from './lib/image/replay.js';
import { makeReadOnly, smokeRun } from './lib/image/smoke.js';
import { parseDockerfile } from './lib/image/dockerfile.js';
import { onCleanup, runMain } from './lib/lifecycle.js';
import { formatDuration, step, warn } from './lib/log.js';
import { repoRoot } from './lib/paths.js';
import { createDatabase, withDatabase } from './lib/pg.js';
import { provideServices } from './lib/services.js';

/**
 * `npm run check:image [-- --dockerfile F] [--keep] [--no-variants]`: proves the container image without a
 * Docker engine. Replays the Dockerfile's stages in a scratch directory (scripts/lib/image/replay.ts: the
 * same COPY sets from the .dockerignore'd context, `npm ci`, Prisma generation, the build, then
 * `npm ci --omit=dev --ignore-scripts`), then runs the runtime stage's tree — as an unprivileged user, files
 * read-only — through migrate, API, worker and a sync against the simulator. A file the runtime needs that
 * the Dockerfile does not copy makes that run fail. Then, for each COPY of the runtime stage, it replays the
 * stage without it and shows the run fails: every copied path is needed (a COPY nothing needs is reported).
 */
const { values } = parseArgs({
  options: {
    dockerfile: { type: 'string', default: path.join(repoRoot, 'Dockerfile') },
    keep: { type: 'boolean', default: false },
    'no-variants': { type: 'boolean', default: false },
  },
});

/** The failing step and the first line of its output that names an error. */
function summary(failure: string): string {
  const [first = '', ...rest] = failure.split('\n');
  const cause = rest.find((line) => /error|cannot|not found|does not exist|ENOENT/i.test(line))?.trim();
  return cause ? `${first.replace(/:$/, '')}: ${cause.slice(0, 160)}` : first;
}

/** Removes a replayed tree, read-only parts included. */
function removeTree(dir: string): void {
  execFileSync('chmod', ['-R', 'u+w', dir]);
  rmSync(dir, { recursive: true, force: true });
}

await runMain(async () => {
  const started = Date.now();
  const stages = parseDockerfile(values.dockerfile);
  const runtime = stages.at(-1);
  if (!runtime) throw new Error(`${values.dockerfile}: no stages`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gms-image-'));
  chmodSync(scratch, 0o755); // the runtime user must reach the tree
  if (!values.keep) onCleanup('image scratch directory', () => removeTree(scratch));
  step(`replaying ${values.dockerfile} (${stages.map((stage) => stage.name).join(' → ')}) in ${scratch}`);
  const done = await replayAll(stages, { contextDir: path.dirname(values.dockerfile), scratch });
  const final = done.get(runtime.name)!;
  makeReadOnly(final.root);

  const { serverUrl, redisUrl } = await provideServices({ postgres: true, redis: true, migrate: false });
  let databases = 0;
  const freshDatabase = async (): Promise<string> => {
    const name = `gms_image_${process.pid}_${databases++}`;
    await createDatabase(serverUrl, name);
    return withDatabase(serverUrl, name);
  };
  const result = await smokeRun(final, { databaseUrl: await freshDatabase(), redisUrl }, 'image');
  if (!result.ok) {
    process.stderr.write(`✖ the image's runtime tree fails: ${result.failure}\n`);
    return 1;
  }
  step(`the runtime tree migrated, served and synced ${result.issues} issues as an unprivileged user`);

  const verdicts: string[] = [];
  if (!values['no-variants']) {
    const others = new Map<string, ReplayedStage>([...done].filter(([name]) => name !== runtime.name));
    for (const copy of runtime.instructions.filter((i) => i.kind === 'COPY')) {
      const what = `COPY ${copy.from ? `--from=${copy.from} ` : ''}${copy.sources.join(' ')} (Dockerfile:${copy.line})`;
      const suffix = `-without-${copy.line}`;
      const variant = await replayStage(runtime, others, {
        contextDir: path.dirname(values.dockerfile),
        scratch,
        skipCopyLine: copy.line,
        suffix,
        link: true,
      }).catch((error: unknown) => error as Error);
      if (variant instanceof Error) {
        verdicts.push(`${what}: needed (the image build fails: ${summary(variant.message)})`);
      } else {
        makeReadOnly(variant.root);
        const database = await freshDatabase();
        const without = await smokeRun(variant, { databaseUrl: database, redisUrl }, `no-${copy.line}`);
        if (without.ok) {
          warn(`${what}: the runtime ran without it; nothing the checks exercise needs it`);
          verdicts.push(`${what}: not needed by the checks`);
        } else {
          verdicts.push(`${what}: needed (${summary(without.failure ?? 'failed')})`);
        }
      }
      removeTree(path.join(scratch, `${runtime.name}${suffix}`));
    }
  }
  process.stdout.write(`\nimage check passed in ${formatDuration(Date.now() - started)}\n`);
  for (const verdict of verdicts) process.stdout.write(`  ${verdict}\n`);
  return 0;
});
