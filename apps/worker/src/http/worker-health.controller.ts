import { Controller, Get, Header, Res } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { type HealthBody, Lifecycle, Readiness } from '#libs/metrics';
import { ProcessorWorkers } from './processor-workers.js';

/**
 * Worker port (WORKER_PORT): `GET /health` — readiness: database, Redis and this process's BullMQ
 * workers running (503 when not, or while shutting down); `GET /health/live` — liveness.
 */
@Controller('health')
export class WorkerHealthController {
  constructor(
    private readonly readiness: Readiness,
    private readonly indicators: HealthIndicatorService,
    private readonly workers: ProcessorWorkers,
    private readonly lifecycle: Lifecycle,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthBody> {
    const { httpStatus, body } = await this.readiness.ready({ queues: false, extra: [() => this.check()] });
    void res.status(httpStatus);
    return body;
  }

  @Get('live')
  @Header('Cache-Control', 'no-store')
  live(): HealthBody {
    return this.readiness.live().body;
  }

  private check() {
    const session = this.indicators.check('workers');
    const queues = Object.fromEntries(
      this.workers
        .list()
        .map((worker) => [worker.name, { running: worker.isRunning(), concurrency: worker.concurrency }]),
    );
    const stopped = Object.entries(queues).filter(([, state]) => !state.running);
    if (stopped.length === 0 || this.lifecycle.stopping) return session.up({ queues });
    return session.down({ queues, error: `not running: ${stopped.map(([name]) => name).join(', ')}` });
  }
}
