import type { paths } from './schema';

/** The JSON body of a route's 200 (or 201) answer, from the generated OpenAPI types. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

/** `GET …/status/` — also the data of the workspace stream's `status` events. */
export type StatusBody = Ok<'/api/workspaces/{slug}/integrations/github-mcp/status', 'get'>;
/** `GET …/sync-jobs/{job_id}/` — also the data of a job stream's `job` events. */
export type SyncJob = Ok<'/api/workspaces/{slug}/integrations/github-mcp/sync-jobs/{jobId}', 'get'>;
