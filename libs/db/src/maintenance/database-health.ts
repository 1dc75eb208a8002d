import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';

@Injectable()
export class DatabaseHealth {
  constructor(private readonly prisma: PrismaService) {}

  /** Round-trip time of a trivial query, in milliseconds; throws when the database is unreachable. */
  async ping(): Promise<number> {
    const started = performance.now();
    await this.prisma.$queryRaw`SELECT 1`;
    return performance.now() - started;
  }
}
