import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface ServedRoute {
  method: string;
  /** As registered, e.g. `/api/workspaces/:slug/projects/:projectId/issues`. */
  url: string;
}

const tables = new WeakMap<object, ServedRoute[]>();

/** Starts recording every route fastify registers from now on (Nest's, the docs', the dashboard's, …). */
export function recordRoutes(app: NestFastifyApplication): void {
  const table: ServedRoute[] = [];
  tables.set(app, table);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) table.push({ method, url: route.url });
    });
}

/** The routes the started API serves (the access tests walk them). */
export function servedRoutes(app: object): readonly ServedRoute[] {
  return tables.get(app) ?? [];
}
