/** GitHub's search rate bucket: `perMinute` searches per user in a fixed one-minute window. */
export class SearchBucket {
  private readonly windows = new Map<number, { startedAt: number; used: number }>();

  constructor(private readonly now: () => number) {}

  /** Takes one search for `userId`; undefined when allowed, else the seconds until the window resets. */
  take(userId: number, perMinute: number): number | undefined {
    const now = this.now();
    let window = this.windows.get(userId);
    if (!window || now - window.startedAt >= 60_000) {
      window = { startedAt: now, used: 0 };
      this.windows.set(userId, window);
    }
    if (window.used >= perMinute) return Math.max(1, Math.ceil((window.startedAt + 60_000 - now) / 1000));
    window.used += 1;
    return undefined;
  }

  clear(): void {
    this.windows.clear();
  }
}
