import { setFlagsFromString } from 'node:v8';
import type { AppConfig } from '#libs/config';

/**
 * Sets how far V8 lets the worker's heap grow past what a full collection left alive before it collects
 * again (`--heap-growing-percent`; 100: up to twice the live set). V8's own choice for a process that
 * allocates as fast as a sync does is up to four times, so the peak RSS of a long sync was mostly garbage
 * and grew with the length of the run, not with what the worker keeps (docs/benchmarks.md, "Worker memory
 * against repository size"). This is not a cap: the heap still grows as far as the live set needs. V8 reads
 * the flag at every full collection, so setting it at start-up is enough. 0 leaves V8's own choice.
 */
export function applyHeapGrowth(config: AppConfig): void {
  const percent = config.worker.heapGrowingPercent;
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
