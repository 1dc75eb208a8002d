import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { isIgnored, readIgnoreRules } from '../../scripts/lib/image/build-context.js';
import { parseDockerfile } from '../../scripts/lib/image/dockerfile.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the Dockerfile replay (npm run check:image)', () => {
  it("reads the project's Dockerfile into its stages", () => {
    const stages = parseDockerfile(path.join(root, 'Dockerfile'));
    expect(stages.map((stage) => [stage.name, stage.from])).toEqual([
      ['base', 'node:20-bookworm-slim'],
      ['deps', 'base'],
      ['build', 'deps'],
      ['prod-deps', 'base'],
      ['runtime', 'base'],
    ]);
    const deps = stages[1]!.instructions;
    expect(deps).toContainEqual(expect.objectContaining({ kind: 'RUN', command: 'npm ci' }));
    const runtime = stages[4]!.instructions;
    expect(runtime).toContainEqual(
      expect.objectContaining({ kind: 'COPY', from: 'prod-deps', sources: ['/app/node_modules'] }),
    );
    expect(runtime).toContainEqual({ kind: 'USER', user: 'node' });
  });

  it('joins continuation lines, substitutes ARGs in FROM and refuses what it cannot replay', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gms-dockerfile-'));
    const file = path.join(dir, 'Dockerfile');
    writeFileSync(file, 'ARG IMG=node:20\nFROM ${IMG} AS a\nENV A=1 \\\n    B="two"\nRUN echo \\\n  hi\n');
    const [stage] = parseDockerfile(file);
    expect(stage?.from).toBe('node:20');
    expect(stage?.instructions).toEqual([
      { kind: 'ENV', vars: { A: '1', B: 'two' } },
      { kind: 'RUN', command: 'echo hi', line: 5 },
    ]);
    writeFileSync(file, 'FROM node:20\nADD https://example.com/x /x\n');
    expect(() => parseDockerfile(file)).toThrow(/ADD: not supported/);
  });

  it('leaves out of the build context what .dockerignore excludes, like Docker', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gms-ignore-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(
      path.join(dir, '.dockerignore'),
      'docs\n*.md\n!README.md\n.env.*\n!.env.example\n**/*.log\n',
    );
    const rules = readIgnoreRules(dir);
    expect(isIgnored('docs/api.md', rules)).toBe(true);
    expect(isIgnored('CHANGES.md', rules)).toBe(true);
    expect(isIgnored('README.md', rules)).toBe(false);
    expect(isIgnored('apps/api/NOTES.md', rules)).toBe(false); // `*` does not cross directories
    expect(isIgnored('.env.local', rules)).toBe(true);
    expect(isIgnored('.env.example', rules)).toBe(false);
    expect(isIgnored('a/b/c.log', rules)).toBe(true);
    expect(isIgnored('apps/api/src/main.ts', rules)).toBe(false);
  });
});
