import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The build context as Docker sends it: every file of the directory except those `.dockerignore`
 * excludes. Rules are matched like Docker's (Go filepath.Match on the path relative to the context, `**`
 * for any number of directories; a rule that matches a directory excludes everything below it; `!` re-includes;
 * the last matching rule wins).
 */
interface Rule {
  negate: boolean;
  pattern: RegExp;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function readIgnoreRules(contextDir: string): Rule[] {
  const file = path.join(contextDir, '.dockerignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const glob = path.posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ''));
      return { negate, pattern: globToRegExp(glob) };
    });
}

/** True when `.dockerignore` keeps the path (relative to the context, `/`-separated) out of the context. */
export function isIgnored(relative: string, rules: Rule[]): boolean {
  const parts = relative.split('/');
  let ignored = false;
  for (const rule of rules) {
    // A rule matches the path itself or one of its parent directories.
    for (let depth = 1; depth <= parts.length; depth++) {
      if (rule.pattern.test(parts.slice(0, depth).join('/'))) {
        ignored = !rule.negate;
        break;
      }
    }
  }
  return ignored;
}

/** Copies `source` (relative to the context) to `dest`, leaving out what `.dockerignore` excludes. */
export function copyFromContext(contextDir: string, source: string, dest: string, rules: Rule[]): void {
  const walk = (relative: string, target: string): void => {
    if (relative !== '' && isIgnored(relative, rules)) return;
    const full = path.join(contextDir, relative);
    if (!statSync(full).isDirectory()) {
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(full, target);
      return;
    }
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(full)) {
      walk(relative === '' ? name : `${relative}/${name}`, path.join(target, name));
    }
  };
  const relative = path.posix.normalize(source).replace(/^\.\/?|\/$/g, '');
  if (!existsSync(path.join(contextDir, relative)) || (relative !== '' && isIgnored(relative, rules))) {
    throw new Error(`COPY ${source}: not in the build context (missing or excluded by .dockerignore)`);
  }
  walk(relative, dest);
}
