/** Deterministic GitHub-shaped identifiers. */

/** Next-generation global node id, e.g. `I_kwDO…`: prefix + base64url(msgpack [0, ...parts]). */
export function nodeId(prefix: string, ...parts: number[]): string {
  const bytes: number[] = [0x90 + parts.length + 1, 0x00];
  for (const part of parts) {
    if (part <= 0xffffffff) {
      bytes.push(0xce, (part >>> 24) & 0xff, (part >>> 16) & 0xff, (part >>> 8) & 0xff, part & 0xff);
    } else {
      const hi = Math.floor(part / 0x100000000);
      const lo = part >>> 0;
      bytes.push(0xcf, (hi >>> 24) & 0xff, (hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff);
      bytes.push((lo >>> 24) & 0xff, (lo >>> 16) & 0xff, (lo >>> 8) & 0xff, lo & 0xff);
    }
  }
  return `${prefix}_${Buffer.from(bytes).toString('base64url')}`;
}

/** Legacy node id as GitHub still issues for users and organizations, e.g. `MDQ6VXNlcjU4MzIzMQ==`. */
export function legacyNodeId(kind: 'User' | 'Organization' | 'Bot', id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64');
}

/** RFC 3339 with second precision, as GitHub prints timestamps. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Monotonic clock: never returns the same or an earlier second twice. */
export class SimClock {
  private lastMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  /** Makes sure later stamps are after `iso` (e.g. the newest timestamp of a loaded dataset). */
  advancePast(iso: string): void {
    this.lastMs = Math.max(this.lastMs, Date.parse(iso));
  }

  now(): string {
    const ms = Math.max(Math.floor(this.source() / 1000) * 1000, this.lastMs + 1000);
    this.lastMs = ms;
    return isoSeconds(ms);
  }
}
