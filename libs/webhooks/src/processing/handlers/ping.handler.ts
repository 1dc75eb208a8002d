import { Injectable } from '@nestjs/common';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  processed,
} from '../outcome.js';

/** `ping` (sent when a hook is created): nothing to apply. */
@Injectable()
export class PingEventHandler implements WebhookEventProcessor {
  handle({ payload }: WebhookEventContext): Promise<EventOutcome> {
    const zen = typeof payload['zen'] === 'string' ? payload['zen'] : null;
    const hookId = typeof payload['hook_id'] === 'number' ? payload['hook_id'] : null;
    return Promise.resolve(processed({ zen, hook_id: hookId }));
  }
}
