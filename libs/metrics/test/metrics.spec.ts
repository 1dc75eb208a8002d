import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { JobMetrics } from '../src/job-metrics.js';
import { httpMetricsHook, recordHttpRequest } from '../src/http-metrics.js';
import { mcpCallRecorder } from '../src/mcp-metrics.js';
import { Metrics } from '../src/metrics.js';

/** The value of one sample line (`name{labels} value`), or NaN when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

describe('Metrics', () => {
  it('exports the documented metric names with a service label, per instance', async () => {
    const metrics = new Metrics('worker');
    const text = await metrics.render();
    for (const name of [
      'github_mcp_sync_total',
      'github_mcp_sync_duration_seconds',
      'github_mcp_webhook_total',
      'github_mcp_webhook_processing_duration_seconds',
      'github_mcp_connection_errors_total',
      'github_mcp_call_duration_seconds',
      'github_mcp_queue_jobs',
      'process_cpu_user_seconds_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    metrics.syncTotal.inc({ status: 'completed', direction: 'from_github' });
    expect(sample(await metrics.render(), 'github_mcp_sync_total', { service: 'worker' })).toBe(1);
    expect(sample(await new Metrics('api').render(), 'github_mcp_sync_total', {})).toBeNaN();
  });

  it('records MCP call latency by tool and failed attempts by kind', async () => {
    const metrics = new Metrics('worker');
    const record = mcpCallRecorder(metrics);
    record({ tool: 'list_issues', durationMs: 120, outcome: 'ok', attempt: 0 });
    record({
      tool: 'issue_read',
      method: 'get_comments',
      durationMs: 30,
      outcome: 'error',
      errorKind: 'transient',
      attempt: 0,
    });
    record({
      tool: 'issue_read',
      method: 'get_comments',
      durationMs: 40,
      outcome: 'error',
      errorKind: 'transient',
      attempt: 1,
    });
    const text = await metrics.render();
    expect(
      sample(text, 'github_mcp_call_duration_seconds_count', { tool: 'list_issues', outcome: 'ok' }),
    ).toBe(1);
    expect(sample(text, 'github_mcp_call_duration_seconds_sum', { tool: 'list_issues' })).toBeCloseTo(0.12);
    expect(
      sample(text, 'github_mcp_connection_errors_total', { kind: 'transient', tool: 'issue_read' }),
    ).toBe(2);
  });
});

describe('JobMetrics', () => {
  const setup = () => {
    const metrics = new Metrics('worker');
    return { metrics, jobs: new JobMetrics(metrics) };
  };

  it('counts sync attempts by outcome and direction', async () => {
    const { metrics, jobs } = setup();
    const data = { syncJobId: 'sync-1' };
    await jobs.record({
      name: 'sync_repository',
      data,
      result: { direction: 'from_github' },
      status: 'completed',
      seconds: 2,
    });
    await jobs.record({
      name: 'sync_repository',
      data,
      result: { skipped: 'completed' },
      status: 'completed',
      seconds: 0,
    });
    await jobs.record({ name: 'sync_repository', data, status: 'delayed', seconds: 1 });
    await jobs.record({ name: 'sync_repository', data, status: 'retrying', seconds: 1 });
    const text = await metrics.render();
    const total = (status: string, direction: string) =>
      sample(text, 'github_mcp_sync_total', { status, direction });
    expect(total('completed', 'from_github')).toBe(1);
    expect(total('skipped', 'unknown')).toBe(1); // no repository to ask: no row lookup without a database
    expect(total('rate_limited', 'unknown')).toBe(1);
    expect(total('retrying', 'unknown')).toBe(1);
    expect(sample(text, 'github_mcp_sync_duration_seconds_count', { direction: 'from_github' })).toBe(1);
    expect(sample(text, 'github_mcp_jobs_total', { name: 'sync_repository', status: 'completed' })).toBe(2);
  });

  it('counts webhook events by type and the status the handler returned', async () => {
    const { metrics, jobs } = setup();
    const result = { event_type: 'issues', action: 'opened', status: 'processed' };
    await jobs.record({
      name: 'process_webhook_event',
      data: { deliveryId: 'd' },
      result,
      status: 'completed',
      seconds: 0.02,
    });
    await jobs.record({
      name: 'process_webhook_event',
      data: { deliveryId: 'e' },
      status: 'failed',
      seconds: 0.01,
    });
    const text = await metrics.render();
    expect(sample(text, 'github_mcp_webhook_total', { event_type: 'issues', status: 'processed' })).toBe(1);
    expect(sample(text, 'github_mcp_webhook_total', { event_type: 'unknown', status: 'failed' })).toBe(1);
    expect(sample(text, 'github_mcp_webhook_processing_duration_seconds_count', {})).toBe(2);
  });
});

describe('httpMetricsHook', () => {
  it('labels requests by route pattern, and never by X-GitHub-Event', async () => {
    const metrics = new Metrics('api');
    const app = Fastify();
    app.addHook('onResponse', httpMetricsHook(metrics));
    app.get('/api/items/:id', async () => ({}));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await fetch(`${base}/api/items/1`, { headers: { 'x-github-event': 'made_up_event' } });
      await fetch(`${base}/api/items/2`);
      await fetch(`${base}/nowhere`);
      const text = await metrics.render();
      expect(
        sample(text, 'github_mcp_http_requests_total', { route: '/api/items/:id', status_code: '200' }),
      ).toBe(2);
      expect(sample(text, 'github_mcp_http_requests_total', { route: 'unmatched', status_code: '404' })).toBe(
        1,
      );
      expect(text).not.toContain('made_up_event');
    } finally {
      await app.close();
    }
  });

  it('labels webhook deliveries by known event when verified, `other` or `unverified` otherwise', async () => {
    const metrics = new Metrics('api');
    const webhook = (
      statusCode: number,
      hook: NonNullable<Parameters<typeof recordHttpRequest>[1]['webhook']>,
    ) =>
      recordHttpRequest(metrics, {
        method: 'POST',
        route: '/api/webhooks',
        statusCode,
        seconds: 0.01,
        webhook: hook,
      });
    webhook(202, { verified: true, event: 'issues' });
    webhook(202, { verified: true, event: 'made_up_event' });
    webhook(401, { verified: false });
    const text = await metrics.render();
    const deliveries = (labels: Record<string, string>) =>
      sample(text, 'github_mcp_webhook_deliveries_total', labels);
    expect(deliveries({ event_type: 'issues', status_code: '202' })).toBe(1);
    expect(deliveries({ event_type: 'other', status_code: '202' })).toBe(1);
    expect(deliveries({ event_type: 'unverified', status_code: '401' })).toBe(1);
    expect(text).not.toContain('made_up_event');
  });
});
