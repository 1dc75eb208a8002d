/**
 * Webhook deliveries of the simulator: every store change (admin endpoints, MCP write tools) becomes a
 * signed delivery to each configured hook, sent asynchronously with a bounded number in flight, logged,
 * and redeliverable with the same `X-GitHub-Delivery`.
 */
import { randomUUID } from 'node:crypto';
import type { SimStore } from '../store/store.js';
import { type OutgoingEvent, toOutgoingEvent } from './event-payloads.js';
import { installationRef, pingPayload, requestHeaders, subscribed } from './hook-requests.js';
import type { DeliveryRecord, WebhookHook, WebhookHookInput } from './types.js';

export interface DispatcherOptions {
  /** Deliveries in flight at once (default 4). */
  concurrency?: number;
  /** Per-delivery timeout (GitHub: 10 s). */
  timeoutMs?: number;
  /** Delivery log entries kept (default 2000). */
  logSize?: number;
}

interface Pending {
  record: DeliveryRecord;
  url: string;
}

export class WebhookDispatcher {
  private readonly hooks = new Map<number, WebhookHook>();
  private readonly log: DeliveryRecord[] = [];
  private readonly queue: Pending[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private readonly aborts = new Set<AbortController>();
  private inFlight = 0;
  private nextHookId = 1;
  private nextDeliveryId = 1;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly logSize: number;

  constructor(
    private readonly store: SimStore,
    options: DispatcherOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 4;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.logSize = options.logSize ?? 2000;
    this.unsubscribe = store.onEvent((event) => {
      if (!this.hasActiveHooks()) return;
      const outgoing = toOutgoingEvent(store, event);
      if (outgoing) this.send(outgoing);
    });
  }

  addHook(input: WebhookHookInput): WebhookHook {
    const hook: WebhookHook = {
      id: this.nextHookId++,
      url: input.url,
      secret: input.secret,
      events: input.events && input.events.length > 0 ? [...input.events] : ['*'],
      installationId: input.installationId ?? null,
      active: true,
      createdAt: new Date().toISOString(),
    };
    this.hooks.set(hook.id, hook);
    if (input.ping !== false) this.ping(hook);
    return hook;
  }

  removeHook(id: number): boolean {
    return this.hooks.delete(id);
  }

  clearHooks(): void {
    this.hooks.clear();
  }

  listHooks(): WebhookHook[] {
    return [...this.hooks.values()];
  }

  /** Delivers an event to every active hook subscribed to it; returns the new log entries. */
  send(outgoing: OutgoingEvent): DeliveryRecord[] {
    const records: DeliveryRecord[] = [];
    for (const hook of this.hooks.values()) {
      if (!hook.active || !subscribed(hook, outgoing.event)) continue;
      const payload =
        hook.installationId !== null
          ? { ...outgoing.payload, installation: installationRef(hook.installationId) }
          : outgoing.payload;
      records.push(this.enqueue(hook, outgoing.event, outgoing.action ?? null, JSON.stringify(payload)));
    }
    return records;
  }

  /** Sends a logged delivery again: same GUID and body, `redelivery: true`. */
  redeliver(deliveryId: number): DeliveryRecord | undefined {
    const original = this.log.find((d) => d.id === deliveryId);
    const hook = original ? this.hooks.get(original.hookId) : undefined;
    if (!original || !hook) return undefined;
    return this.enqueue(hook, original.event, original.action, original.request.body, original.guid);
  }

  deliveries(): DeliveryRecord[] {
    return [...this.log];
  }

  delivery(id: number): DeliveryRecord | undefined {
    return this.log.find((d) => d.id === id);
  }

  /** Resolves once every queued delivery has been attempted. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops listening, drops queued deliveries and aborts those in flight. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.queue.length = 0;
    for (const controller of this.aborts) controller.abort();
    this.notifyIdle();
  }

  private hasActiveHooks(): boolean {
    for (const hook of this.hooks.values()) if (hook.active) return true;
    return false;
  }

  private ping(hook: WebhookHook): void {
    this.enqueue(hook, 'ping', null, JSON.stringify(pingPayload(hook)));
  }

  private enqueue(
    hook: WebhookHook,
    event: string,
    action: string | null,
    body: string,
    guid: string = randomUUID(),
  ): DeliveryRecord {
    const headers = requestHeaders(hook, event, guid, body);
    const record: DeliveryRecord = {
      id: this.nextDeliveryId++,
      guid,
      hookId: hook.id,
      event,
      action,
      redelivery: this.log.some((d) => d.guid === guid),
      status: 'pending',
      statusCode: null,
      durationMs: null,
      error: null,
      deliveredAt: null,
      request: { headers, body },
      response: null,
    };
    this.log.push(record);
    if (this.log.length > this.logSize) this.log.splice(0, this.log.length - this.logSize);
    if (!this.closed) {
      this.queue.push({ record, url: hook.url });
      this.pump();
    }
    return record;
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift() as Pending;
      this.inFlight++;
      void this.deliver(next).finally(() => {
        this.inFlight--;
        this.pump();
        this.notifyIdle();
      });
    }
  }

  private async deliver({ record, url }: Pending): Promise<void> {
    const controller = new AbortController();
    this.aborts.add(controller);
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: record.request.headers,
        body: record.request.body,
        signal: controller.signal,
      });
      const text = await response.text();
      record.statusCode = response.status;
      record.response = { body: text.slice(0, 2000) };
      record.status = response.ok ? 'delivered' : 'failed';
    } catch (error) {
      record.status = 'failed';
      record.error = controller.signal.aborted ? 'timed out or aborted' : (error as Error).message;
    } finally {
      clearTimeout(timer);
      this.aborts.delete(controller);
      record.durationMs = Math.round(performance.now() - started);
      record.deliveredAt = new Date().toISOString();
    }
  }

  private notifyIdle(): void {
    if (this.queue.length > 0 || this.inFlight > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
