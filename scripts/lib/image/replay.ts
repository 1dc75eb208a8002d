import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatDuration, step } from '../log.js';
import { run } from '../proc.js';
import { copyFromContext, readIgnoreRules } from './build-context.js';
import type { Stage } from './dockerfile.js';

/**
 * Replays a Dockerfile's stages into `<scratch>/<stage>/` (each a stand-in for that stage's root file
 * system): COPY from the build context (with .dockerignore) or from an earlier stage's root, RUN with
 * `sh -c` in the stage's WORKDIR with the stage's ENV, and `FROM <earlier stage>` as a copy of that stage's
 * root. A base image contributes only the Node.js and npm of this machine. What a stage leaves is exactly
 * what its instructions put there, so a file the runtime stage does not copy is missing from its root.
 */
export interface ReplayedStage {
  stage: Stage;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
}

export interface ReplayOptions {
  contextDir: string;
  scratch: string;
  /** Leave out one COPY (by its Dockerfile line) to show what the runtime needs it for. */
  skipCopyLine?: number;
  /** Stages already replayed (by name) to reuse instead of replaying them again. */
  reuse?: Map<string, ReplayedStage>;
  /** Put the stage roots here instead of `<scratch>/<stage>` (a variant of a stage). */
  suffix?: string;
  /** COPY --from and FROM <stage> as hard links (variants that only read the files). */
  link?: boolean;
}

/** A path inside the stage's file system (`/app/dist`, or relative to the WORKDIR) on this machine. */
function hostPath(stage: ReplayedStage, containerPath: string): string {
  const absolute = path.posix.isAbsolute(containerPath)
    ? containerPath
    : path.posix.join(stage.workdir, containerPath);
  return path.join(stage.root, absolute);
}

/** `cp -a` (hard links with `link`): a stage's node_modules is too large for a file-by-file copy. */
async function copyTree(source: string, dest: string, link: boolean): Promise<void> {
  const flags = link ? '-al' : '-a';
  const isDir = statSync(source).isDirectory();
  mkdirSync(isDir ? dest : path.dirname(dest), { recursive: true });
  const code = await run('cp', [flags, isDir ? `${source}/.` : source, dest]);
  if (code !== 0) throw new Error(`cp ${flags} ${source} ${dest}: exit ${code}`);
}

/** A build starts from a clean environment: the stage's ENV over PATH, HOME and the locale. */
function buildEnv(stageEnv: Record<string, string>): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR'];
  const base = Object.fromEntries(
    keep.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
  return { ...base, ...stageEnv };
}

async function copyInstruction(
  target: ReplayedStage,
  copy: Extract<Stage['instructions'][number], { kind: 'COPY' }>,
  done: Map<string, ReplayedStage>,
  options: ReplayOptions,
): Promise<void> {
  const destIsDir = copy.dest.endsWith('/') || copy.sources.length > 1;
  const rules = copy.from ? [] : readIgnoreRules(options.contextDir);
  for (const source of copy.sources) {
    const origin = copy.from ? done.get(copy.from) : undefined;
    if (copy.from && !origin) throw new Error(`COPY --from=${copy.from}: no such earlier stage`);
    const sourceRoot = origin ? hostPath(origin, '/') : options.contextDir;
    const sourcePath = origin ? hostPath(origin, source) : path.join(options.contextDir, source);
    const isFile = existsSync(sourcePath) && !statSync(sourcePath).isDirectory();
    const dest = hostPath(target, copy.dest);
    const fileDest = isFile && destIsDir ? path.join(dest, path.basename(source)) : dest;
    if (origin) {
      if (!existsSync(sourcePath))
        throw new Error(`COPY --from=${copy.from} ${source}: the stage has no such path`);
      await copyTree(sourcePath, fileDest, options.link ?? false);
    } else {
      copyFromContext(sourceRoot, path.relative(sourceRoot, sourcePath) || '.', fileDest, rules);
    }
  }
}

export async function replayStage(
  stage: Stage,
  done: Map<string, ReplayedStage>,
  options: ReplayOptions,
): Promise<ReplayedStage> {
  const started = Date.now();
  const root = path.join(options.scratch, `${stage.name}${options.suffix ?? ''}`);
  rmSync(root, { recursive: true, force: true });
  const parent = done.get(stage.from);
  if (parent) await copyTree(parent.root, root, options.link ?? false);
  else mkdirSync(root, { recursive: true });
  const replayed: ReplayedStage = {
    stage,
    root,
    workdir: parent?.workdir ?? '/',
    env: { ...(parent?.env ?? {}) },
    ...(parent?.user ? { user: parent.user } : {}),
  };
  for (const instruction of stage.instructions) {
    switch (instruction.kind) {
      case 'WORKDIR':
        replayed.workdir = path.posix.resolve(replayed.workdir, instruction.path);
        mkdirSync(hostPath(replayed, '.'), { recursive: true });
        break;
      case 'ENV':
        Object.assign(replayed.env, instruction.vars);
        break;
      case 'USER':
        replayed.user = instruction.user;
        break;
      case 'COPY':
        if (instruction.line !== options.skipCopyLine)
          await copyInstruction(replayed, instruction, done, options);
        break;
      case 'RUN': {
        const code = await run('sh', ['-c', instruction.command], {
          cwd: hostPath(replayed, '.'),
          env: buildEnv(replayed.env),
          stdio: ['ignore', 'inherit', 'inherit'],
        });
        if (code !== 0)
          throw new Error(
            `stage ${stage.name}, RUN ${instruction.command}: exit ${code} (Dockerfile:${instruction.line})`,
          );
        break;
      }
      case 'CMD':
        break;
    }
  }
  step(`stage ${stage.name} replayed in ${formatDuration(Date.now() - started)}`);
  return replayed;
}

export async function replayAll(
  stages: Stage[],
  options: ReplayOptions,
): Promise<Map<string, ReplayedStage>> {
  const done = new Map<string, ReplayedStage>(options.reuse ?? []);
  for (const stage of stages) {
    if (done.has(stage.name)) continue;
    done.set(stage.name, await replayStage(stage, done, options));
  }
  return done;
}

export { hostPath };
