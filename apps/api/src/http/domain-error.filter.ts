import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { errorAnswer } from './error-response.js';

/** The one place errors of Nest routes become HTTP: `{ error: { code, message, field? } }` (see errorAnswer). */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer = errorAnswer(exception);
    if (answer.status >= 500) {
      this.logger.error(answer.body.error.message, exception instanceof Error ? exception.stack : undefined);
    }
    response.set(answer.headers).status(answer.status).json(answer.body);
  }
}
