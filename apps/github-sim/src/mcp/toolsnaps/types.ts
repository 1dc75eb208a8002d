/** One upstream tool snapshot (`pkg/github/__toolsnaps__/*.snap`). */
export interface ToolSnap {
  name: string;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[] } & Record<
    string,
    unknown
  >;
  annotations: { title: string; readOnlyHint: boolean; idempotentHint: boolean } & Record<string, unknown>;
  _meta?: Record<string, unknown>;
}
