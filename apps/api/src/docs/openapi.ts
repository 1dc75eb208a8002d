import type { INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
  SwaggerModule,
} from '@nestjs/swagger';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { ADMIN_ONLY, PUBLIC_ROUTE } from '#libs/auth';
import type { AppConfig } from '#libs/config';
import { APP_VERSION } from '#libs/metrics';
import { publicBaseUrl } from '../http/public-url.js';
import { ERROR_SCHEMA } from './schemas.js';
import { WEBHOOK_OPERATION } from './webhook-operation.js';
import { zodComponents } from './zod-openapi.js';

const SECURITY = 'api-token';
const SESSION_SECURITY = 'console-session';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const DESCRIPTION = `Keeps a workspace issue tracker in sync with GitHub through the GitHub MCP server.

**Auth**: \`Authorization: Bearer <api token>\` (create one with \`npm run cli -- create-token\`), or the console's
session cookie \`ghsync_session\` (\`POST /console/session\`) with \`X-CSRF-Token\` on POST/PUT/PATCH/DELETE (else 403
\`csrf_failed\`); a Bearer header wins over the cookie. Routes marked admin need a workspace admin; another
workspace's resources answer 404.

**Errors**: \`{"error": {"code", "message", "field?"}}\`. With \`ENABLE_GITHUB_MCP_INTEGRATION=false\` the
integration and OAuth routes answer 503 \`integration_disabled\` (webhook deliveries are still accepted).

Outside this document: \`GET /metrics\` (Prometheus) and the queue dashboard at \`/{API_PREFIX}/admin/queues\`
(see docs/operations.md).`;

type Flags = { public: boolean; admin: boolean };

function errorResponse(description: string): ResponseObject {
  return { description, content: { 'application/json': { schema: ERROR_SCHEMA } } };
}

/** `Controller_method` → whether the route is public / admin-only, read from the auth decorators. */
function routeFlags(app: INestApplication): Map<string, Flags> {
  const flags = new Map<string, Flags>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!type?.prototype) continue;
    const proto = type.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const handler = proto[key];
      if (key === 'constructor' || typeof handler !== 'function') continue;
      const read = (meta: string): boolean =>
        Reflect.getMetadata(meta, handler) === true || Reflect.getMetadata(meta, type) === true;
      flags.set(`${type.name}_${key}`, { public: read(PUBLIC_ROUTE), admin: read(ADMIN_ONLY) });
    }
  }
  return flags;
}

/** Security and the common error answers per operation, from the same metadata the guard reads. */
function enrich(document: OpenAPIObject, flags: Map<string, Flags>): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const route = flags.get(op.operationId ?? '') ?? { public: false, admin: false };
      const responses = op.responses;
      if (route.public) {
        op.security = op.security?.length ? op.security : [];
      } else {
        op.security = [{ [SECURITY]: [] }, { [SESSION_SECURITY]: [] }];
        responses['401'] ??= errorResponse('missing, invalid or revoked API token');
        responses['503'] ??= errorResponse('database or Redis unavailable, or the integration is disabled');
      }
      if (!route.public && method !== 'get') {
        responses['403'] ??= errorResponse(
          `${route.admin ? 'not a workspace admin, or ' : ''}\`csrf_failed\`: the session cookie came without X-CSRF-Token`,
        );
      }
      if (route.admin) {
        responses['403'] ??= errorResponse('the token is not a workspace admin');
        op.description = `${op.description ? `${op.description}\n\n` : ''}Needs a workspace admin token.`;
      }
      if (path.includes('{')) responses['404'] ??= errorResponse('not found (or another workspace)');
      documentPathParameters(path, op);
      if (method !== 'get' && method !== 'delete') responses['400'] ??= errorResponse('invalid input');
    }
  }
  return document;
}

/**
 * Every `{name}` of the path is a parameter of the operation, also where the controller reads it in a
 * guard rather than with @Param (the workspace `{slug}`): typed clients need each one.
 */
function documentPathParameters(path: string, op: OperationObject): void {
  const declared = new Set(
    (op.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'path' ? [p.name] : [])),
  );
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (name === undefined || declared.has(name)) continue;
    op.parameters = [
      ...(op.parameters ?? []),
      {
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
        ...(name === 'slug' ? { description: 'workspace slug' } : {}),
      },
    ];
  }
}

function buildDocument(app: INestApplication, apiPrefix: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GitHub MCP Sync API')
    .setDescription(DESCRIPTION)
    .setVersion(APP_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'workspace API token' }, SECURITY)
    .addCookieAuth(
      'ghsync_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'console session (POST /console/session); POST/PUT/PATCH/DELETE also need X-CSRF-Token',
      },
      SESSION_SECURITY,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
  const enriched = enrich(document, routeFlags(app));
  enriched.components = {
    ...enriched.components,
    schemas: { ...enriched.components?.schemas, ...zodComponents() },
  };
  enriched.paths[`${apiPrefix ? `/${apiPrefix}` : ''}/webhooks/github-mcp`] = WEBHOOK_OPERATION;
  return enriched;
}

/**
 * OpenAPI generated from the controllers, served at `/{prefix}/docs` (UI), `/{prefix}/docs/openapi.json`
 * (also `/{prefix}/docs-json`) and `.yaml`. `servers` is the URL the caller used (PUBLIC_BASE_URL, or the forwarded host and prefix).
 */
export function setupOpenApi(app: INestApplication, config: AppConfig): string {
  const path = `/${[config.api.prefix, 'docs'].filter(Boolean).join('/')}`;
  let document: OpenAPIObject | undefined;
  const build = () => (document ??= buildDocument(app, config.api.prefix));
  // `/{prefix}/docs-json` too: the console's types are generated from it.
  app.getHttpAdapter().get(`${path}-json`, (req: Request, res: Response) => {
    void res.send({ ...build(), servers: [{ url: publicBaseUrl(req, config) }] });
  });
  SwaggerModule.setup(path, app, build, {
    jsonDocumentUrl: `${path}/openapi.json`,
    yamlDocumentUrl: `${path}/openapi.yaml`,
    customSiteTitle: 'GitHub MCP Sync API',
    swaggerOptions: { persistAuthorization: true },
    patchDocumentOnRequest: <TRequest>(req: TRequest, _res: unknown, doc: OpenAPIObject) => ({
      ...doc,
      servers: [{ url: publicBaseUrl(req as Request, config) }],
    }),
  });
  return path;
}
