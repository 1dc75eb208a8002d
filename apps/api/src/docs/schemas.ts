import type { SchemaObject } from '@nestjs/swagger';

/** `{"error": {"code", "message", "field?"}}` — every error of the API (errorAnswer). */
export const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'not_found' },
        message: { type: 'string' },
        field: { type: 'string', description: 'the offending input field (400 only)' },
      },
    },
  },
};

const CHECK: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    latency_ms: { type: 'number' },
    error: { type: 'string' },
  },
  additionalProperties: true,
};

export const HEALTH_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'version', 'uptime_seconds', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error', 'shutting_down'] },
    version: { type: 'string', example: '0.1.0' },
    uptime_seconds: { type: 'integer' },
    checks: {
      type: 'object',
      properties: {
        database: CHECK,
        redis: CHECK,
        queues: {
          ...CHECK,
          description: 'per queue: workers, workers_required, waiting, active, delayed, failed',
        },
      },
    },
  },
};
