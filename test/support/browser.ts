import { createRequire } from 'node:module';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { requireTestEnv } from './env.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** `UPDATE_SCREENSHOTS=1 npm test -- test/browser` rewrites docs/console/*.png; otherwise .data/screenshots. */
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? path.join(ROOT, 'docs', 'console')
    : path.join(ROOT, '.data', 'screenshots');

/** Debian's Chromium through playwright-core (Playwright's browser download is not used). */
export function launchChromium(): Promise<Browser> {
  const { CHROMIUM_PATH } = requireTestEnv(['CHROMIUM_PATH']);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Root in a container: Chromium's sandbox needs user namespaces it may not get.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page: the serious and critical findings (none is the bar). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Through the DevTools protocol: the console's CSP (script-src 'self') refuses an injected <script>.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (ctx?: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A full-page PNG named after the page (docs/console.md shows them). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Console messages, page errors and failed API answers of a page, in .data/browser-<name>.log (debugging). */
export function recordPage(page: Page, name: string): void {
  const file = path.join(ROOT, '.data', `browser-${name}.log`);
  mkdirSync(path.dirname(file), { recursive: true });
  const log = (line: string) => appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
  page.on('console', (m) => log(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => log(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) log(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}
