import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type Request, type Response } from 'express';
import type { AppConfig } from '#libs/config';

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
export function mountConsole(app: NestExpressApplication, config: AppConfig, dir = consoleDirectory()): void {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set(HEADERS);
    next();
  });
  if (dir === undefined) {
    router.use((_req: Request, res: Response) => {
      res.status(404).type('text/plain').send('The console is not built: run `npm run build`.\n');
    });
    app.use('/console', router);
    return;
  }
  const apiBase = config.api.prefix ? `../${config.api.prefix}/` : '../';
  const index = readFileSync(path.join(dir, 'index.html'), 'utf8').replace(
    /<meta name="api-base" content="[^"]*"/,
    `<meta name="api-base" content="${apiBase}"`,
  );
  const sendIndex = (req: Request, res: Response): void => {
    if (req.originalUrl.split('?')[0] === '/console') {
      res.redirect(301, 'console/');
      return;
    }
    res.set('Cache-Control', 'no-cache').type('html').send(index);
  };
  router.get(['/', '/index.html'], sendIndex);
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.use('/console', router);
}
