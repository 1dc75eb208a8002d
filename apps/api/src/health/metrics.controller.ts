import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '#libs/auth';
import { Metrics } from '#libs/metrics';

/** `GET /metrics` (outside the API prefix): Prometheus text format. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Public()
  async scrape(@Res() res: FastifyReply): Promise<void> {
    const text = await this.metrics.render();
    void res.header('Content-Type', this.metrics.contentType);
    void res.header('Cache-Control', 'no-store');
    void res.send(text);
  }
}
