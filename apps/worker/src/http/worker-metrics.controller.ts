import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Metrics } from '#libs/metrics';

/** Worker port (WORKER_PORT): `GET /metrics`, Prometheus text format. */
@Controller('metrics')
export class WorkerMetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() res: FastifyReply): Promise<void> {
    const text = await this.metrics.render();
    void res.header('Content-Type', this.metrics.contentType);
    void res.header('Cache-Control', 'no-store');
    void res.send(text);
  }
}
