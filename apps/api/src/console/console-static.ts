import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '#libs/config';
import { requestPath } from '../http/public-url.js';

/** The built console (`npm run build` → dist/console), found from this file in sources and in dist. */
export function consoleDirectory(from = import.meta.dirname): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) {
      const built = path.join(dir, 'dist', 'console');
      return existsSync(path.join(built, 'index.html')) ? built : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

const HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Serves the admin console at `/console/`: static files with relative URLs, so it works behind a
 * path-prefixed proxy. `index.html` is told where the API is (`../<API_PREFIX>/`, relative to the page).
 */
export async function mountConsole(
  app: NestFastifyApplication,
  config: AppConfig,
  dir = consoleDirectory(),
): Promise<void> {
  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope: FastifyInstance) => consoleRoutes(scope, config, dir), { prefix: '/console' });
}

async function consoleRoutes(scope: FastifyInstance, config: AppConfig, dir: string | undefined) {
  scope.addHook('onRequest', async (_req, reply) => {
    void reply.headers(HEADERS);
  });
  if (dir === undefined) {
    for (const url of ['/', '/*']) {
      scope.all(url, (_req, reply) =>
        reply.status(404).type('text/plain').send('The console is not built: run `npm run build`.\n'),
      );
    }
    return;
  }
  const apiBase = config.api.prefix ? `../${config.api.prefix}/` : '../';
  const index = readFileSync(path.join(dir, 'index.html'), 'utf8').replace(
    /<meta name="api-base" content="[^"]*"/,
    `<meta name="api-base" content="${apiBase}"`,
  );
  const sendIndex = (req: FastifyRequest, reply: FastifyReply) => {
    // `/console` and `/console/` are one route (trailing slashes are optional): only the second one
    // resolves the page's relative URLs under /console/.
    if (/^\/console$/i.test(requestPath(req))) return reply.redirect('console/', 301);
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(index);
  };
  scope.get('/', sendIndex);
  scope.get('/index.html', sendIndex);
  await scope.register(fastifyStatic, {
    root: path.join(dir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  await scope.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: false,
    maxAge: '1h',
    decorateReply: false,
  });
}
