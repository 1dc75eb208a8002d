import { createHash } from 'node:crypto';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface BrowserAnswer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
  /** `Set-Cookie` lines of the answer. */
  cookies: string[];
  location: string | null;
}

/**
 * A minimal browser over fetch: a cookie jar (name → value; paths are not modelled, the tests check
 * them on the Set-Cookie lines), redirects not followed.
 */
export class Browser {
  readonly jar = new Map<string, string>();

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  async request(
    url: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<BrowserAnswer> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.jar.size > 0)
      headers['cookie'] = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: 'manual',
    });
    const cookies = res.headers.getSetCookie();
    for (const line of cookies) {
      const [pair = ''] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      const maxAge = /Max-Age=(\d+)/i.exec(line)?.[1];
      if (maxAge === '0' || value.join('=') === '') this.jar.delete(name.trim());
      else this.jar.set(name.trim(), value.join('='));
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = {};
    }
    return { status: res.status, headers: res.headers, json, cookies, location: res.headers.get('location') };
  }
}

/** The attributes of a Set-Cookie line (lower-cased names; flags map to ''). */
export function cookieAttributes(line: string): Record<string, string> {
  const [, ...parts] = line.split(';');
  return Object.fromEntries(
    parts.map((p) => {
      const [k = '', ...v] = p.trim().split('=');
      return [k.toLowerCase(), v.join('=')];
    }),
  );
}
