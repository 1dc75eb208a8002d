import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorAnswer } from './error-response.js';

/** The one place errors of Nest routes become HTTP: `{ error: { code, message, field? } }` (see errorAnswer). */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const answer = errorAnswer(exception);
    if (answer.status >= 500) {
      this.logger.error(answer.body.error.message, exception instanceof Error ? exception.stack : undefined);
    }
    if (reply.sent || reply.raw.headersSent) return; // a stream that failed after its headers: nothing to add
    void reply.headers(answer.headers).status(answer.status).send(answer.body);
  }
}
