import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { WebhookEventRepository } from '#libs/db';
import { WebhookEnqueuer } from '../ingestion/webhook-enqueuer.js';

const BATCH = 200;
const LANES = 8;
/** Rows younger than this may still be enqueued by the request that inserted them. */
const GRACE_MS = 2000;
/** Queued or processing for this long: check that the job still exists (Redis may have lost it). */
const STUCK_MS = 120_000;

export interface RelayPass {
  enqueued: number;
  recovered: number;
  /** Redis or Postgres was unavailable; the next pass tries again. */
  interrupted: boolean;
}

/**
 * Runs in the API: at start-up and every WEBHOOK_RELAY_INTERVAL_MS, enqueues every committed event still
 * `received` (Redis was down, or the process died between commit and enqueue). Job id = delivery id, so
 * an event is never enqueued twice; the status moves received → queued only after the add succeeded,
 * so none is left behind.
 */
@Injectable()
export class WebhookRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RelayPass> | undefined;
  private lastProblem: string | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: WebhookEventRepository,
    private readonly enqueuer: WebhookEnqueuer,
  ) {}

  onApplicationBootstrap(): void {
    void this.runOnce(0);
    this.timer = setInterval(() => void this.runOnce(GRACE_MS), this.config.webhooks.relayIntervalMs);
    this.timer.unref();
  }

  /** Stops the timer and lets a running pass finish while the database and Redis clients are still open. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass (a pass already running is joined, not doubled). */
  runOnce(graceMs = GRACE_MS): Promise<RelayPass> {
    this.running ??= this.pass(graceMs).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(graceMs: number): Promise<RelayPass> {
    const result: RelayPass = { enqueued: 0, recovered: 0, interrupted: false };
    try {
      for (;;) {
        const ids = await this.events.findUnqueued(BATCH, graceMs);
        if (ids.length === 0) break;
        const { done, error } = await this.enqueueAll(ids);
        await this.events.markQueued(done);
        result.enqueued += done.length;
        if (error) throw error;
        if (ids.length < BATCH) break;
      }
      const stuck = await this.enqueueAll(await this.events.findStuck(BATCH, STUCK_MS));
      if (stuck.error) throw stuck.error;
      result.recovered = stuck.added;
      if (stuck.added > 0)
        this.logger.warn(`webhook relay re-enqueued ${stuck.added} event(s) whose job was lost`);
      this.enqueuer.resume();
      if (this.lastProblem) this.logger.log('webhook relay: Redis and Postgres reachable again');
      this.lastProblem = undefined;
    } catch (error) {
      result.interrupted = true;
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== this.lastProblem) this.logger.warn(`webhook relay pass interrupted: ${problem}`);
      this.lastProblem = problem;
    }
    if (result.enqueued > 0) this.logger.log(`webhook relay enqueued ${result.enqueued} event(s)`);
    return result;
  }

  /** Enqueues with a few adds in flight; stops at the first failure and reports the ids that made it. */
  private async enqueueAll(ids: string[]): Promise<{ done: string[]; added: number; error?: unknown }> {
    const done: string[] = [];
    let added = 0;
    let next = 0;
    let error: unknown;
    const lanes = Array.from({ length: Math.min(LANES, ids.length) }, async () => {
      while (error === undefined && next < ids.length) {
        const id = ids[next++] as string;
        try {
          if (await this.enqueuer.enqueueAgain(id)) added += 1;
          done.push(id);
        } catch (failure) {
          error ??= failure;
        }
      }
    });
    await Promise.all(lanes);
    return { done, added, ...(error !== undefined ? { error } : {}) };
  }
}
