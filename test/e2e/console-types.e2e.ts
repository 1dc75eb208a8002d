import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONSOLE_SCHEMA_FILE, consoleTypes } from '../../scripts/lib/console-types.js';
import { type TestSystem, startSystem } from './support/system.js';

/** The console's request/response types are the API's OpenAPI document, generated — never stale. */
describe('console types (apps/console/src/api/schema.d.ts)', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false });
  });

  afterAll(async () => {
    await system?.close();
  });

  it('are what openapi-typescript makes of the running API’s document (else run `npm run console:types`)', async () => {
    const document: unknown = await (await fetch(`${system.apiUrl}/docs/openapi.json`)).json();
    const generated = await consoleTypes(document);
    const committed = readFileSync(CONSOLE_SCHEMA_FILE, 'utf8');
    if (generated !== committed) {
      throw new Error('apps/console/src/api/schema.d.ts is stale: run `npm run console:types` and commit it');
    }
    expect(generated).toContain("'/api/workspaces/{slug}/integrations/github-mcp/status'");
  });
});
