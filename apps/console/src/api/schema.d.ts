/**
 * Generated from the API's OpenAPI document by `npm run console:types` (openapi-typescript).
 * Do not edit: change the API's schemas and regenerate. `npm test` fails when this file is stale.
 */

export interface paths {
  '/api/auth/github/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OAuthCallbackController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: database, Redis, queues with live workers (503 when not ready) */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers (no dependency checked) */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/github-mcp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * GitHub webhook delivery (signed; committed before the answer, processed by the worker)
     * @description Public: authenticated by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with a configured webhook secret). The delivery is stored and committed before the answer and processed by the worker; a delivery id already received is answered 200 `duplicate` and not processed again. Not rate limited.
     */
    post: operations['WebhookRoute_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Needs a workspace admin token. */
    get: operations['CredentialsController_auditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/configure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** @description Needs a workspace admin token. */
    patch: operations['ConnectionController_configure'];
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/connect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Needs a workspace admin token. */
    post: operations['ConnectionController_connect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/credentials/installation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Needs a workspace admin token. */
    put: operations['CredentialsController_installation'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/credentials/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Needs a workspace admin token. */
    put: operations['CredentialsController_token'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/disconnect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Needs a workspace admin token. */
    delete: operations['ConnectionController_disconnect'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/oauth/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Needs a workspace admin token. */
    get: operations['CredentialsController_authorize'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/repositories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConnectionController_repositories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SyncController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Needs a workspace admin token. */
    post: operations['SyncController_sync'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/sync-jobs/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SyncController_job'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/webhook-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Webhook deliveries of the workspace, newest first */
    get: operations['WebhookEventsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/webhook-events/{deliveryId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One delivery with its payload, result or error */
    get: operations['WebhookEventsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/webhook-events/{deliveryId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Process a settled delivery again (409 while it is still queued or processing)
     * @description Needs a workspace admin token.
     */
    post: operations['WebhookEventsController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IssuesController_list'];
    put?: never;
    post: operations['IssuesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IssuesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['IssuesController_update'];
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['IssuesController_createComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}/comments/{commentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['IssuesController_updateComment'];
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  OAuthCallbackController_callback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ready */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              database?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              /** @description per queue: workers, workers_required, waiting, active, delayed, failed */
              queues?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              redis?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'error' | 'shutting_down';
            uptime_seconds: number;
            /** @example 0.1.0 */
            version: string;
          };
        };
      };
      /** @description not ready or shutting down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              database?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              /** @description per queue: workers, workers_required, waiting, active, delayed, failed */
              queues?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              redis?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'error' | 'shutting_down';
            uptime_seconds: number;
            /** @example 0.1.0 */
            version: string;
          };
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description alive */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              database?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              /** @description per queue: workers, workers_required, waiting, active, delayed, failed */
              queues?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              redis?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'error' | 'shutting_down';
            uptime_seconds: number;
            /** @example 0.1.0 */
            version: string;
          };
        };
      };
    };
  };
  WebhookRoute_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description GUID of the delivery */
        'X-GitHub-Delivery': string;
        /** @description event name, e.g. issues */
        'X-GitHub-Event': string;
        /** @description sha256=<hex HMAC of the raw body> */
        'X-Hub-Signature-256': string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description GitHub's event payload (up to 25 MB) */
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description a delivery id already received: `{status: "duplicate", delivery_id}` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example 72d3162e-cc78-11e3-81ab-4c9367dc0958 */
            delivery_id: string;
            /** @enum {string} */
            status: 'queued' | 'duplicate';
          };
        };
      };
      /** @description stored and queued: `{status: "queued", delivery_id}` */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example 72d3162e-cc78-11e3-81ab-4c9367dc0958 */
            delivery_id: string;
            /** @enum {string} */
            status: 'queued' | 'duplicate';
          };
        };
      };
      /** @description missing or malformed X-GitHub-Event / X-GitHub-Delivery, empty body, or malformed JSON (not stored) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing or invalid signature (nothing stored) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description body over 25 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description Content-Type is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database unavailable: redeliver later (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_auditLogs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_configure: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_connect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_installation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_token: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_disconnect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_authorize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_repositories: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncController_status: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncController_sync: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncController_job: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        jobId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  WebhookEventsController_list: {
    parameters: {
      query?: {
        event?: string;
        page?: number;
        per_page?: number;
        status?: 'received' | 'queued' | 'processing' | 'processed' | 'failed' | 'ignored';
      };
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  WebhookEventsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  WebhookEventsController_replay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_createComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_updateComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        commentId: string;
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
}
