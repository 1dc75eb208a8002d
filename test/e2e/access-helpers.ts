/** Helpers of the access / OAuth e2e tests: the API's routes, raw HTTP calls and captured process output. */
import fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ADMIN_ONLY, PUBLIC_ROUTE } from '#libs/auth';
import { servedRoutes } from '../../apps/api/src/http/served-routes.js';

export interface ApiRoute {
  method: string;
  /** Route path, e.g. `/api/workspaces/:slug/projects/:projectId/issues`. */
  path: string;
  public: boolean;
  adminOnly: boolean;
  /** `Controller.method`, or null for routes registered outside Nest controllers (e.g. OpenAPI docs). */
  handler: string | null;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

function asPaths(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Every (method, path without the global prefix) Nest's controllers declare, with their access metadata. */
function nestRoutes(app: INestApplication): Map<string, Omit<ApiRoute, 'method' | 'path'>> {
  const routes = new Map<string, Omit<ApiRoute, 'method' | 'path'>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller?.prototype) continue;
      const base = asPaths(Reflect.getMetadata('path', controller));
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const paths = asPaths(Reflect.getMetadata('path', fn));
        const method = Reflect.getMetadata('method', fn) as RequestMethod | undefined;
        if (paths.length === 0 || method === undefined) continue;
        const meta = (key: string) =>
          Boolean(Reflect.getMetadata(key, fn) ?? Reflect.getMetadata(key, controller));
        for (const b of base.length ? base : ['']) {
          for (const p of paths) {
            routes.set(`${RequestMethod[method]} ${join(b, p)}`, {
              public: meta(PUBLIC_ROUTE),
              adminOnly: meta(ADMIN_ONLY),
              handler: `${controller.name}.${name}`,
            });
          }
        }
      }
    }
  }
  return routes;
}

/**
 * The routes of the API: every route Nest's controllers declare (found among the routes fastify serves, under the
 * global prefix or excluded from it) with its access metadata, plus routes the router serves under the
 * prefix without a controller (OpenAPI docs). Throws when a declared route is not served.
 */
export function apiRoutes(app: INestApplication, prefix: string): ApiRoute[] {
  const served = new Set<string>();
  for (const route of servedRoutes(app)) {
    if (route.method !== 'HEAD' || !served.has(`GET ${route.url}`))
      served.add(`${route.method} ${route.url}`);
  }
  const routes: ApiRoute[] = [];
  const missing: string[] = [];
  for (const [key, meta] of nestRoutes(app)) {
    const [method = '', path = ''] = key.split(' ');
    const found = [join(prefix, path), path].find((p) => served.has(`${method} ${p}`));
    if (!found) missing.push(key);
    else routes.push({ method, path: found, ...meta });
  }
  if (missing.length)
    throw new Error(`Nest declares routes the router does not serve: ${missing.join(', ')}`);
  const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
  // The queue dashboard (bull-board's own routes, behind its own admin auth: queue-dashboard.e2e.ts) is a
  // mounted app, as it was under express, not routes of the API.
  const dashboard = `/${prefix}/admin/queues`;
  for (const key of served) {
    const [method = '', path = ''] = key.split(' ');
    if (path.startsWith(`/${prefix}/`) && !path.startsWith(dashboard) && !known.has(key)) {
      routes.push({ method, path, public: false, adminOnly: false, handler: null });
    }
  }
  return routes;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** A raw HTTP call; every answer is also appended to `log` when given (for the secrets scan). */
export async function call(
  url: string,
  init: {
    method?: string;
    token?: string | undefined;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
  log?: string[],
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
  });
  // A live stream (SSE) never ends by itself: its first frame is enough to judge the answer.
  const text = res.headers.get('content-type')?.startsWith('text/event-stream')
    ? await firstChunk(res)
    : await res.text();
  log?.push(`${init.method ?? 'GET'} ${url} ${res.status} ${JSON.stringify([...res.headers])} ${text}`);
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, text, json };
}

async function firstChunk(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunk = await reader.read();
  await reader.cancel();
  return chunk.value ? Buffer.from(chunk.value).toString('utf8') : '';
}

/**
 * Captures (and keeps out of the test output) everything this process writes to stdout/stderr until
 * `stop()`: pino writes synchronously to fd 1/2, `console` goes through the streams.
 */
export function captureOutput(): { text(): string; stop(): void } {
  const chunks: string[] = [];
  const original = { writeSync: fs.writeSync, out: process.stdout.write, err: process.stderr.write };
  const record = (data: unknown) => {
    chunks.push(
      typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : String(data),
    );
  };
  fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd !== 1 && fd !== 2)
      return (original.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    record(data);
    return typeof data === 'string' ? Buffer.byteLength(data) : ((data as Buffer).length ?? 0);
  }) as typeof fs.writeSync;
  const swallow = (chunk: unknown, ...rest: unknown[]) => {
    record(chunk);
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  process.stdout.write = swallow as typeof process.stdout.write;
  process.stderr.write = swallow as typeof process.stderr.write;
  return {
    text: () => chunks.join(''),
    stop: () => {
      fs.writeSync = original.writeSync;
      process.stdout.write = original.out;
      process.stderr.write = original.err;
    },
  };
}
