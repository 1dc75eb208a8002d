/** Minimal JSON client for the demo (and a readable example of the API). */
export class DemoApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  async post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as T;
    if (response.status >= 400)
      throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return { status: response.status, body: json };
  }

  private async request<T>(method: string, path: string): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${this.token}` },
    });
    const json = (await response.json()) as T;
    if (response.status >= 400)
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }
}

export interface JobView {
  job_id: string;
  status: string;
  items_total: number;
  items_synced: number;
  items_failed: number;
  progress: number;
  error_message: string | null;
  metadata: { summary?: Record<string, unknown> };
}

export interface IssueView {
  sequence_id: number;
  title: string;
  state: string;
  labels: string[];
  comment_count: number;
  github: { repository: string; number: number; url: string } | null;
}
