import { describe, expect, it } from '@jest/globals';
import { GroupCommit, type Settled, fulfilled, rejected } from '../src/group-commit.js';

/** The batcher of the webhook worker and the API's delivery inbox: which submissions share a batch, and what each caller gets. */
describe('GroupCommit', () => {
  function recorder(
    process: (items: string[]) => Promise<Settled<string>[]>,
    maxBatch = 100,
    lingerMs?: number,
  ) {
    const batches: string[][] = [];
    const commit = new GroupCommit<string, string>(
      (items) => {
        batches.push(items);
        return process(items);
      },
      { maxBatch, key: (item) => item, lingerMs },
    );
    return { batches, commit };
  }

  const echo = (items: string[]) => Promise.resolve(items.map((i) => fulfilled(i.toUpperCase())));

  it('processes a lone item at once, and items submitted together as one batch', async () => {
    const { batches, commit } = recorder(echo);
    expect(await commit.submit('a')).toBe('A');
    expect(await Promise.all(['b', 'c', 'd'].map((i) => commit.submit(i)))).toEqual(['B', 'C', 'D']);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('items arriving while a batch runs form the next batch, at most maxBatch each', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { batches, commit } = recorder(async (items) => {
      if (items.includes('first')) await gate;
      return items.map((i) => fulfilled(i));
    }, 2);
    const first = commit.submit('first');
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['x', 'y', 'z'].map((i) => commit.submit(i));
    release();
    expect(await Promise.all([first, ...later])).toEqual(['first', 'x', 'y', 'z']);
    expect(batches).toEqual([['first'], ['x', 'y'], ['z']]);
  });

  it('never puts the same key twice into one batch', async () => {
    const { batches, commit } = recorder(echo);
    await Promise.all(['a', 'b', 'a', 'c'].map((i) => commit.submit(i)));
    expect(batches).toEqual([['a', 'b', 'c'], ['a']]);
  });

  it('each caller gets its own result or error; a batch that throws fails all its items', async () => {
    const { commit } = recorder((items) =>
      Promise.resolve(
        items.map((i) => (i === 'bad' ? rejected<string>(new Error(`no ${i}`)) : fulfilled(i))),
      ),
    );
    const settled = await Promise.allSettled(['ok', 'bad'].map((i) => commit.submit(i)));
    expect(settled).toEqual([
      { status: 'fulfilled', value: 'ok' },
      { status: 'rejected', reason: new Error('no bad') },
    ]);
    const broken = recorder(() => Promise.reject(new Error('down')));
    const all = await Promise.allSettled(['p', 'q'].map((i) => broken.commit.submit(i)));
    expect(all.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(await broken.commit.submit('r').catch((e: Error) => e.message)).toBe('down');
  });

  it('with a linger, a batch that follows a busy one waits for more items; an idle start does not wait', async () => {
    const slow = async (items: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return items.map((i) => fulfilled(i));
    };
    // A linger (300 ms) far above the batch's own time (20 ms): a busy machine cannot blur the two.
    const { batches, commit } = recorder(slow, 100, 300);
    const started = performance.now();
    const first = commit.submit('a');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = commit.submit('b'); // waiting when 'a' finishes: its batch lingers
    const lingering = new Promise((resolve) => setTimeout(resolve, 35)).then(() => commit.submit('c'));
    await Promise.all([first, second, lingering]);
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    const idle = performance.now();
    await commit.submit('d');
    expect(performance.now() - idle).toBeLessThan(250);
  });
});
