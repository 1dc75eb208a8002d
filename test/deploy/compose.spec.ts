import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { envSchema } from '../../libs/config/src/env.schema.js';
import { parseDockerfile } from '../../scripts/lib/image/dockerfile.js';

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this reads it: every entry file, env name,
 * health command, dependency and volume it references must exist.
 */
const root = path.resolve(import.meta.dirname, '../..');
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  restart?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}
const text = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(text, { merge: true }) as Compose;
const services = Object.entries(compose.services);
const ours = services.filter(
  ([, service]) => service.build !== undefined || service.image?.startsWith('github-mcp-sync'),
);
const runtime = parseDockerfile(path.join(root, 'Dockerfile')).at(-1)!;
const copied = runtime.instructions.flatMap((i) => (i.kind === 'COPY' ? [i.dest.replace(/^\.\//, '')] : []));

/** `dist/x/y.js` → the TypeScript source the build compiles into it. */
function sourceOf(entry: string): string {
  return path.join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function argv(service: Service): string[] {
  return [...(service.entrypoint ?? []), ...(service.command ?? [])];
}

describe('docker-compose.yml', () => {
  it('builds our services from this Dockerfile', () => {
    expect(ours.map(([name]) => name).sort()).toEqual(['api', 'cli', 'github-sim', 'migrate', 'worker']);
    for (const [, service] of ours)
      expect(existsSync(path.join(root, service.build ?? '.', 'Dockerfile'))).toBe(true);
  });

  it('starts entry files the build produces and the runtime stage copies', () => {
    const cmd = runtime.instructions.find((i) => i.kind === 'CMD');
    const entries = [...ours.map(([, service]) => argv(service)), cmd?.kind === 'CMD' ? cmd.argv : []]
      .flat()
      .filter((word) => word.startsWith('dist/'));
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const entry of entries) {
      expect([entry, existsSync(sourceOf(entry))]).toEqual([entry, true]);
      expect(copied).toContain('dist');
    }
  });

  it('sets only variables the configuration knows', () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const [name, service] of ours) {
      for (const variable of Object.keys(service.environment ?? {})) {
        expect([name, variable, known.has(variable)]).toEqual([name, variable, true]);
      }
    }
  });

  it('interpolates only variables with a default, a required-message, or a line in .env.example', () => {
    const example = readFileSync(path.join(root, '.env.example'), 'utf8');
    for (const match of text.matchAll(/\$\{(\w+)(:?[-?][^}]*)?\}/g)) {
      const [, variable, modifier] = match;
      const documented = new RegExp(`^#?\\s*${variable}=`, 'm').test(example);
      expect([variable, modifier !== undefined || documented]).toEqual([variable, true]);
    }
  });

  it('has health commands that parse and probe the port and route the service listens on', () => {
    const api = compose.services['api']!;
    const worker = compose.services['worker']!;
    for (const [service, port, route] of [
      [api, String(api.environment?.['API_PORT']), "'health/live'"],
      [worker, String(worker.environment?.['WORKER_PORT']), '/health/live'],
    ] as const) {
      const [kind, node, flag, script] = service.healthcheck!.test;
      expect([kind, node, flag]).toEqual(['CMD', 'node', '-e']);
      expect(() => new vm.Script(script!)).not.toThrow();
      expect(script).toContain(`127.0.0.1:${port}/`);
      expect(script).toContain(route);
    }
    const postgres = compose.services['postgres']!;
    const user = String(postgres.environment?.['POSTGRES_USER']);
    expect(postgres.healthcheck!.test.join(' ')).toContain(
      `pg_isready -U ${user} -d ${String(postgres.environment?.['POSTGRES_DB'])}`,
    );
    expect(compose.services['redis']!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('depends on services that exist, waiting for completion only of one-shot ones', () => {
    for (const [, service] of services) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const target = compose.services[dependency];
        expect([dependency, target !== undefined]).toEqual([dependency, true]);
        if (condition === 'service_completed_successfully') expect(target?.restart).toBe('no');
        if (condition === 'service_healthy') expect(target?.healthcheck).toBeDefined();
      }
    }
  });

  it('mounts only declared volumes', () => {
    for (const [, service] of services) {
      for (const volume of service.volumes ?? []) {
        const name = volume.split(':')[0]!;
        if (!name.startsWith('.') && !name.startsWith('/'))
          expect(Object.keys(compose.volumes ?? {})).toContain(name);
      }
    }
  });
});
