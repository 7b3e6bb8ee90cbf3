// Finding and launching the system Chrome/Chromium. No step downloads a browser (docs/architecture.md, "Decisions").
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      'Chrome / Chromium が見つかりません。環境変数 PUPPETEER_EXECUTABLE_PATH か CHROME_PATH にブラウザの実行ファイルを指定するか、' +
        'Debian/Ubuntu なら `sudo apt-get install chromium fonts-noto-cjk` でインストールしてください（`npm run setup` でも入ります）。\n' +
        'No Chrome/Chromium found: set PUPPETEER_EXECUTABLE_PATH or CHROME_PATH, or install Debian\'s chromium package.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, then the system browser. */
export function findChrome(): string {
  for (const v of [process.env.PUPPETEER_EXECUTABLE_PATH, process.env.CHROME_PATH]) {
    if (v && existsSync(v)) return v;
  }
  const found = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new BrowserNotFoundError();
  return found;
}

/** Flags for a closed network: no background requests, no component updates, Japanese UI. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--lang=ja-JP',
  '--font-render-hinting=none',
];

export interface LaunchBrowserOptions {
  /** Extra launch options passed to puppeteer (e.g. enableExtensions, pipe). */
  puppeteer?: LaunchOptions;
  extraArgs?: string[];
}

/** Launches headless Chromium with a fresh user-data dir that is removed when the browser closes. */
export async function launchBrowser(opts: LaunchBrowserOptions = {}): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'jis-a11y-profile-'));
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    userDataDir,
    args: [...CHROME_ARGS, ...(opts.extraArgs ?? [])],
    defaultViewport: { width: 1280, height: 900 },
    ...opts.puppeteer,
  });
  // Chromium may still be writing its profile as it exits: retry, and never fail the run over a temp dir.
  browser.once('disconnected', () => void rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {}));
  return browser;
}
