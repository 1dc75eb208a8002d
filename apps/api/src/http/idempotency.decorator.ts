import { UseInterceptors, applyDecorators } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/** The route honours `Idempotency-Key` (see IdempotencyInterceptor). Use on authenticated POST routes. */
export const Idempotent = () => applyDecorators(UseInterceptors(IdempotencyInterceptor));
