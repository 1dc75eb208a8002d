import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { repoRoot } from './paths.js';

/** The console's generated API types (committed; `npm run console:types` rewrites them). */
export const CONSOLE_SCHEMA_FILE = path.join(repoRoot, 'apps', 'console', 'src', 'api', 'schema.d.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document by \`npm run console:types\` (openapi-typescript).
 * Do not edit: change the API's schemas and regenerate. \`npm test\` fails when this file is stale.
 */

`;

/** TypeScript types of an OpenAPI document, as the console imports them. */
export async function consoleTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  const options = (await resolveConfig(CONSOLE_SCHEMA_FILE)) ?? {};
  return format(`${HEADER}${astToString(ast)}`, { ...options, filepath: CONSOLE_SCHEMA_FILE });
}
