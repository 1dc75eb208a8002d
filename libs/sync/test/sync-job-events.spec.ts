import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '#libs/config';
import { Metrics } from '#libs/metrics';
import { SyncJobEvents, decodeChange, eventsChannel } from '../src/index.js';

const config = loadConfig({
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  QUEUE_PREFIX: '{t}',
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
});

describe('SyncJobEvents (publisher)', () => {
  it('publishes the change on the workspace channel', async () => {
    const sent: [string, string][] = [];
    const events = new SyncJobEvents(config, undefined, {
      publish: async (channel, message) => sent.push([channel, message]),
    });
    events.changed({ jobId: 'sync-1', workspaceId: 'w1', status: 'running', version: 3 });
    await events.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]).toBe(eventsChannel('{t}', 'w1'));
    expect(decodeChange(sent[0]?.[1] ?? '')).toMatchObject({
      type: 'sync_job',
      job_id: 'sync-1',
      workspace_id: 'w1',
      status: 'running',
      version: 3,
    });
  });

  it('never throws or blocks on Redis errors: the failure is counted and the caller goes on', async () => {
    const metrics = new Metrics('worker');
    const events = new SyncJobEvents(config, metrics, {
      publish: () => Promise.reject(new Error('Connection is closed')),
    });
    expect(() => events.changed({ jobId: 'sync-1', workspaceId: 'w1', status: 'running' })).not.toThrow();
    await expect(events.publish({ jobId: 'sync-2', workspaceId: 'w1', status: 'failed' })).resolves.toBe(
      false,
    );
    await events.flush();
    const counted = await metrics.registry.getSingleMetricAsString('github_mcp_event_publish_failures_total');
    expect(counted).toMatch(/github_mcp_event_publish_failures_total\{service="worker"\} 2/);
  });

  it('ignores messages that are not sync job changes', () => {
    expect(decodeChange('not json')).toBeNull();
    expect(decodeChange(JSON.stringify({ type: 'other' }))).toBeNull();
  });
});
