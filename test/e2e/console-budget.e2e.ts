import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { consoleDirectory } from '../../apps/api/src/console/console-static.js';

/** The console's size budget (issue: JS + CSS ≤ 150 kB gzipped), on the files `npm run build` made. */
describe('console bundle budget', () => {
  it('ships at most 150 kB of JS + CSS, gzipped, and no source maps', () => {
    const dir = consoleDirectory();
    if (!dir) throw new Error('the console is not built (npm test builds it before jest)');
    const assets = readdirSync(path.join(dir, 'assets'));
    expect(assets.some((f) => f.endsWith('.map'))).toBe(false);
    const gzipped = assets
      .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
      .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, 'assets', f)), { level: 9 }).length, 0);
    expect(gzipped).toBeGreaterThan(10_000);
    expect(gzipped).toBeLessThanOrEqual(150 * 1024);
  });
});
