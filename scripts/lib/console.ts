import { existsSync } from 'node:fs';
import { PrerequisiteError, step } from './log.js';
import { repoRoot } from './paths.js';
import { aptInstall, capture, which } from './proc.js';

/** `vite build` of apps/console into dist/console (a few seconds). */
export async function buildConsole(): Promise<void> {
  const started = Date.now();
  const result = await capture('npm', ['run', '--silent', 'build:console'], { cwd: repoRoot });
  if (result.code !== 0) throw new Error(`the console build failed:\n${result.stdout}${result.stderr}`);
  step(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * A Chromium for the browser tests: CHROMIUM_PATH, one on PATH, or Debian's `chromium` installed with apt
 * when running as root (Playwright's own browser download is not used).
 */
export async function provideChromium(): Promise<string> {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!existsSync(given)) throw new PrerequisiteError(`CHROMIUM_PATH=${given} does not exist.`);
    return given;
  }
  const found = CHROMIUM_NAMES.map((name) => which(name)).find(Boolean);
  if (found) return found;
  if (await aptInstall(['chromium'])) {
    const installed = which('chromium');
    if (installed) return installed;
  }
  throw new PrerequisiteError(
    'The browser tests need Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
  );
}
