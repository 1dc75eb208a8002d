import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '#libs/auth';
import { DatabaseHealth } from '#libs/db';
import { JobQueue } from '#libs/queue';
import { APP_VERSION } from '../version.js';

const started = Date.now();

async function check(probe: () => Promise<number>) {
  try {
    return { status: 'up' as const, latency_ms: Math.round((await probe()) * 100) / 100 };
  } catch (error) {
    return { status: 'down' as const, error: error instanceof Error ? error.message : String(error) };
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly queue: JobQueue,
  ) {}

  /** Readiness: 200 when the database and Redis answer, 503 otherwise. */
  @Get()
  @Public()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([
      check(() => this.database.ping()),
      check(() => this.queue.ping()),
    ]);
    const ok = database.status === 'up' && redis.status === 'up';
    if (!ok) res.status(503);
    return {
      status: ok ? 'ok' : 'error',
      version: APP_VERSION,
      uptime_seconds: Math.round((Date.now() - started) / 1000),
      checks: { database, redis },
    };
  }
}
