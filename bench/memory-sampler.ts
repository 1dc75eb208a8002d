/**
 * Samples a worker's memory from its Prometheus `/metrics` (prom-client's default process and Node.js
 * gauges) while a measurement runs: the peaks of resident set, V8 heap in use, and memory outside the
 * heap (Buffers, ArrayBuffers, WebAssembly memories), to tell a live set that grows from a heap V8 merely
 * did not shrink.
 */
export interface MemoryPeaks {
  samples: number;
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
}

const GAUGES = {
  rssMiB: 'process_resident_memory_bytes',
  heapUsedMiB: 'nodejs_heap_size_used_bytes',
  heapTotalMiB: 'nodejs_heap_size_total_bytes',
  externalMiB: 'nodejs_external_memory_bytes',
} as const;

export function sampleMemory(metricsUrl: string, everyMs = 250): { stop: () => Promise<MemoryPeaks> } {
  const peaks: MemoryPeaks = { samples: 0, rssMiB: 0, heapUsedMiB: 0, heapTotalMiB: 0, externalMiB: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const values = await scrape(metricsUrl).catch(() => undefined);
      if (values) {
        peaks.samples += 1;
        for (const [key, gauge] of Object.entries(GAUGES) as [keyof typeof GAUGES, string][]) {
          peaks[key] = Math.max(peaks[key], Math.round((values.get(gauge) ?? 0) / 2 ** 20));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peaks;
    },
  };
}

async function scrape(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{[^}]*\})? ([0-9.e+]+)$/.exec(line);
    if (match?.[1] && match[2]) values.set(match[1], Number(match[2]));
  }
  return values;
}
