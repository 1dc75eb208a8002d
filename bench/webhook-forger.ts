import { spawn } from 'node:child_process';

/**
 * The forging client, in a process of its own so that writing its bodies does not run on the measuring
 * process's event loop: `count` bodies of valid JSON that is expensive to parse (`megabytes` MB each,
 * GitHub's limit is 25), sent at once with a forged signature; prints the answers' statuses (0: the server
 * closed the connection before answering).
 */
const FORGER = `
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
const [url, count, megabytes] = [process.env.FORGE_URL, Number(process.env.FORGE_COUNT), Number(process.env.FORGE_MB)];
const size = megabytes * 1024 * 1024 - 64;
const item = '{"id":1},';
const body = Buffer.alloc(size, 0x20);
body.write('{"action":"opened","items":[');
let at = 30;
while (at + item.length + 16 < size) at += body.write(item, at);
body.write('{"id":1}]}', at);
const forge = () => new Promise((resolve) => {
  const req = request(url + '/webhooks/github-mcp/', { method: 'POST', headers: {
    'content-type': 'application/json', 'content-length': body.length, 'x-github-event': 'issues',
    'x-github-delivery': randomUUID(), 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) } });
  req.once('response', (res) => { res.resume(); res.once('end', () => resolve(res.statusCode ?? 0)); });
  req.once('error', () => resolve(0));
  req.end(body);
});
process.stdout.write('started\\n');
const statuses = await Promise.all(Array.from({ length: count }, forge));
process.stdout.write(JSON.stringify(statuses) + '\\n');
`;

export interface Forgery {
  /** Resolves once the bodies are built and the requests are being sent. */
  started: Promise<void>;
  /** The answers' statuses, once every request has been answered or closed. */
  statuses: Promise<number[]>;
}

/** Starts `count` forged deliveries of `megabytes` MB each against `apiUrl` (…/api). */
export function forge(apiUrl: string, count: number, megabytes = 25): Forgery {
  const child = spawn(process.execPath, ['--input-type=module', '-e', FORGER], {
    env: { FORGE_URL: apiUrl, FORGE_COUNT: String(count), FORGE_MB: String(megabytes) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let onStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('started')) onStarted();
  });
  const statuses = new Promise<number[]>((resolve, reject) => {
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('[')) reject(new Error(`the forger exited ${code}: ${out}`));
      else resolve(JSON.parse(last) as number[]);
    });
  });
  return { started, statuses };
}
