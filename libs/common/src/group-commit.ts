/** What one item of a batch came to: its value, or the error its caller gets. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export const fulfilled = <R>(value: R): Settled<R> => ({ ok: true, value });
export const rejected = <R>(error: unknown): Settled<R> => ({ ok: false, error });

interface Pending<I, R> {
  item: I;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions<I> {
  maxBatch: number;
  /** Items with the same key never share a batch: a later one waits for the next batch. */
  key(item: I): string;
  /**
   * Under load only: when items are already waiting as a batch finishes, wait this long before taking the
   * next one, so that more items share it (fewer, larger batches for a little latency). Default 0. An item
   * arriving while nothing runs is still processed at once.
   */
  lingerMs?: number;
}

/**
 * Group commit: items submitted while a batch is being processed form the next batch (up to `maxBatch`),
 * so a burst costs a few round trips per batch instead of a few per item. Alone, an item is processed at
 * once (after the current turn of the event loop, which collects items submitted together; no timer).
 * Each caller gets exactly its own item's result or error.
 */
export class GroupCommit<I, R> {
  private waiting: Pending<I, R>[] = [];
  private running = false;
  private scheduled = false;

  constructor(
    private readonly process: (items: I[]) => Promise<Settled<R>[]>,
    private readonly options: GroupCommitOptions<I>,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.running || this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.drain();
      });
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.take();
        let settled: Settled<R>[];
        try {
          settled = await this.process(batch.map((p) => p.item));
        } catch (error) {
          settled = batch.map(() => rejected<R>(error));
        }
        batch.forEach((pending, i) => {
          const outcome = settled[i] ?? rejected<R>(new Error('no result for a batched item'));
          if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        });
        await this.linger();
      }
    } finally {
      this.running = false;
    }
  }

  /** Items waiting already as a batch finished (busy): give more of them the time to join the next batch. */
  private async linger(): Promise<void> {
    const { lingerMs = 0, maxBatch } = this.options;
    if (lingerMs > 0 && this.waiting.length > 0 && this.waiting.length < maxBatch) {
      await new Promise((resolve) => setTimeout(resolve, lingerMs));
    }
  }

  /** The next batch: oldest first, distinct keys, at most `maxBatch`; the rest keep waiting in order. */
  private take(): Pending<I, R>[] {
    const batch: Pending<I, R>[] = [];
    const keys = new Set<string>();
    const kept: Pending<I, R>[] = [];
    for (const pending of this.waiting) {
      const key = this.options.key(pending.item);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else {
        kept.push(pending);
      }
    }
    this.waiting = kept;
    return batch;
  }
}
