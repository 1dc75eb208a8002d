import { readFileSync } from 'node:fs';

/**
 * The subset of the Dockerfile language the project's Dockerfile uses, parsed so that `npm run check:image`
 * can replay it without a Docker engine: ARG (before FROM), FROM … AS, WORKDIR, ENV, COPY [--from=…], RUN
 * (shell form; `--mount=…` flags dropped), USER, and the instructions that do nothing to the file system
 * (EXPOSE, CMD, ENTRYPOINT, LABEL, HEALTHCHECK, STOPSIGNAL). Anything else is refused by name.
 */
export type Instruction =
  | { kind: 'WORKDIR'; path: string }
  | { kind: 'ENV'; vars: Record<string, string> }
  | { kind: 'COPY'; from?: string; sources: string[]; dest: string; line: number }
  | { kind: 'RUN'; command: string; line: number }
  | { kind: 'USER'; user: string }
  | { kind: 'CMD'; argv: string[] };

export interface Stage {
  name: string;
  /** Another stage's name, or an image reference (the base image: only its Node.js is assumed). */
  from: string;
  instructions: Instruction[];
}

const INERT = new Set(['EXPOSE', 'ENTRYPOINT', 'LABEL', 'HEALTHCHECK', 'STOPSIGNAL', 'SHELL', 'VOLUME']);

/** Logical lines: comments dropped, `\` continuations joined; each with its first physical line number. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let current = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (current === '' && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (current !== '' && trimmed.startsWith('#')) return;
    if (current === '') start = index + 1;
    if (trimmed.endsWith('\\')) {
      current += `${trimmed.slice(0, -1).trimEnd()} `;
      return;
    }
    out.push({ text: (current + trimmed).trim(), line: start });
    current = '';
  });
  if (current.trim() !== '') out.push({ text: current.trim(), line: start });
  return out;
}

function substitute(value: string, args: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (whole, a?: string, b?: string) => args[a ?? b ?? ''] ?? whole,
  );
}

function parseEnv(rest: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const match of rest.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) vars[match[1]!] = match[3] ?? match[2]!;
  return vars;
}

function jsonArray(rest: string, where: string): string[] {
  const parsed: unknown = JSON.parse(rest);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string'))
    throw new Error(`${where}: expected a JSON array of strings`);
  return parsed;
}

export function parseDockerfile(file: string): Stage[] {
  const stages: Stage[] = [];
  const args: Record<string, string> = {};
  for (const { text, line } of logicalLines(readFileSync(file, 'utf8'))) {
    const [keyword = '', ...words] = text.split(/\s+/);
    const instruction = keyword.toUpperCase();
    const rest = text.slice(keyword.length).trim();
    const where = `${file}:${line} ${instruction}`;
    const stage = stages.at(-1);
    if (instruction === 'ARG' && !stage) {
      const [name = '', value = ''] = rest.split('=');
      args[name] = value;
      continue;
    }
    if (instruction === 'FROM') {
      const from = substitute(words[0] ?? '', args);
      const name = words[1]?.toUpperCase() === 'AS' ? (words[2] ?? '') : String(stages.length);
      stages.push({ name, from, instructions: [] });
      continue;
    }
    if (!stage) throw new Error(`${where}: instruction before the first FROM`);
    if (INERT.has(instruction)) continue;
    switch (instruction) {
      case 'WORKDIR':
        stage.instructions.push({ kind: 'WORKDIR', path: rest });
        break;
      case 'ENV':
        stage.instructions.push({ kind: 'ENV', vars: parseEnv(rest) });
        break;
      case 'USER':
        stage.instructions.push({ kind: 'USER', user: rest });
        break;
      case 'CMD':
        stage.instructions.push({ kind: 'CMD', argv: jsonArray(rest, where) });
        break;
      case 'RUN':
        stage.instructions.push({ kind: 'RUN', command: rest.replace(/^(--\S+\s+)+/, ''), line });
        break;
      case 'COPY': {
        const flags = words.filter((word) => word.startsWith('--'));
        const paths = words.filter((word) => !word.startsWith('--'));
        const unknown = flags.filter((flag) => !flag.startsWith('--from='));
        if (unknown.length > 0) throw new Error(`${where}: unsupported flag ${unknown.join(' ')}`);
        if (paths.length < 2) throw new Error(`${where}: needs a source and a destination`);
        const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
        stage.instructions.push({
          kind: 'COPY',
          ...(from ? { from } : {}),
          sources: paths.slice(0, -1),
          dest: paths.at(-1)!,
          line,
        });
        break;
      }
      default:
        throw new Error(`${where}: not supported by the replay (scripts/lib/image/dockerfile.ts)`);
    }
  }
  return stages;
}
