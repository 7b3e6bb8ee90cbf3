// What the extension's end-to-end tests share: building the extension as a release is built (vitest's
// NODE_ENV=test would make Vite pick lit's development build), with extra host permissions headless Chromium
// needs, and waiting on the panel's status line.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { build } from 'wxt';
import { BUNDLE_PATH, buildBundle } from '../../rules-jis/bundle/build.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the Chrome extension into `outDir` (chrome-mv3/ inside), the page bundle first if missing, with
 * `testHosts` as extra host permissions (null: as released, with none).
 */
export async function buildTestExtension(outDir: string, testHosts: string | null = 'http://127.0.0.1/*'): Promise<void> {
  if (!existsSync(BUNDLE_PATH) || statSync(BUNDLE_PATH).size === 0) await buildBundle();
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  if (testHosts) process.env.JIS_A11Y_EXT_TEST_HOSTS = testHosts;
  try {
    await build({ root: ROOT, outDir, browser: 'chrome', mode: 'production' });
  } finally {
    delete process.env.JIS_A11Y_EXT_TEST_HOSTS;
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Waits until the panel's status line matches; a message in its error region fails at once. */
export async function waitForStatus(p: Page, re: RegExp, timeout = 60_000): Promise<string> {
  const end = Date.now() + timeout;
  let last: [string, string] = ['', ''];
  while (Date.now() < end) {
    last = await p.evaluate(() => {
      const r = document.querySelector('jis-panel')?.shadowRoot;
      return [r?.querySelector('[data-testid=status]')?.textContent ?? '', r?.querySelector('[data-testid=error]')?.textContent ?? ''] as [string, string];
    });
    if (last[1]) throw new Error(`panel error: ${last[1]}`);
    if (re.test(last[0])) return last[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`status did not match ${re}: "${last[0]}"`);
}

/** Empties the panel's status line, so the next wait sees only the next message. */
export async function clearStatus(p: Page): Promise<void> {
  await p.evaluate(async () => {
    const el = document.querySelector('jis-panel') as unknown as { status: string; updateComplete: Promise<unknown> };
    el.status = '';
    await el.updateComplete;
  });
}
