import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '#libs/auth';
import { type HealthBody, Readiness } from '#libs/metrics';
import { HEALTH_BODY_SCHEMA } from '../docs/schemas.js';

/**
 * `GET /{prefix}/health/` — readiness: database, Redis and a live worker on every queue that needs one;
 * 503 when not ready or shutting down. `GET /{prefix}/health/live` — liveness: the process answers.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Readiness: database, Redis, queues with live workers (503 when not ready)' })
  @ApiResponse({ status: 200, description: 'ready', schema: HEALTH_BODY_SCHEMA })
  @ApiResponse({ status: 503, description: 'not ready or shutting down', schema: HEALTH_BODY_SCHEMA })
  async ready(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthBody> {
    const { httpStatus, body } = await this.readiness.ready({ queues: true });
    void res.status(httpStatus);
    return body;
  }

  @Get('live')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency checked)' })
  @ApiResponse({ status: 200, description: 'alive', schema: HEALTH_BODY_SCHEMA })
  live(): HealthBody {
    return this.readiness.live().body;
  }
}
