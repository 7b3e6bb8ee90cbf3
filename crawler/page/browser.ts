// Finding and launching the system Chrome/Chromium. No step downloads a browser (docs/architecture.md, "Decisions").
// Every browser we start dies with our Node process, even after `kill -9` (issue 21 case 6): on Linux it is
// started through `setpriv --pdeathsig SIGKILL`, so the kernel kills it when its parent goes, and its zygotes,
// renderers and crash handlers follow it. The sandbox browser of the pre-publish hook (crawler/hook/egress/)
// uses the same launcher with its own command line around Chromium (a network namespace, another user).
import { chownSync, existsSync, mkdtempSync } from 'node:fs';
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

/** A system tool from the usual directories (util-linux `setpriv`, `unshare`; iproute2 `ip`), or null. */
export function findTool(name: string): string | null {
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
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

/** The program and arguments that start Chromium, given its path and its arguments. */
export type ChromeCommand = (chrome: string, chromeArgs: string[]) => { command: string; args: string[] };

export interface LaunchBrowserOptions {
  /** Extra launch options passed to puppeteer (e.g. enableExtensions, pipe). */
  puppeteer?: LaunchOptions;
  extraArgs?: string[];
  /**
   * Chromium's own sandbox. Off by default (`--no-sandbox`: the crawl, `check` and the PDF run as root on
   * pages of the configured site); the sandbox browser for untrusted HTML turns it on and runs as another user.
   */
  chromiumSandbox?: boolean;
  /** How to start Chromium; default: under `setpriv --pdeathsig SIGKILL` where setpriv exists. */
  command?: ChromeCommand;
  /** Owner (uid, gid) of the fresh user-data dir, when Chromium runs as another user. */
  profileOwner?: { uid: number; gid: number };
  /** Writes into the fresh user-data dir before Chromium starts (the sandbox browser's WebRTC policy). */
  prepareProfile?: (userDataDir: string) => void;
  /** Environment of the browser instead of ours (the sandbox browser gets a minimal one). */
  env?: (userDataDir: string) => Record<string, string>;
}

/** Dies with its parent: the kernel sends SIGKILL to Chromium when the Node process that started it ends. */
export function pdeathsigCommand(): ChromeCommand | undefined {
  const setpriv = process.platform === 'linux' ? findTool('setpriv') : null;
  if (!setpriv) return undefined;
  return (chrome, chromeArgs) => ({ command: setpriv, args: ['--pdeathsig', 'SIGKILL', '--', chrome, ...chromeArgs] });
}

/** Puppeteer's own flags computed here, so that Chromium can be started through another program. */
function wrappedLaunchOptions(chrome: string, options: LaunchOptions, command: ChromeCommand): LaunchOptions {
  const chromeArgs = puppeteer.defaultArgs({ ...options, args: [...(options.args ?? [])] });
  const { command: program, args } = command(chrome, chromeArgs);
  return { ...options, executablePath: program, ignoreDefaultArgs: true, args };
}

/** Launches headless Chromium with a fresh user-data dir that is removed when the browser closes. */
export async function launchBrowser(opts: LaunchBrowserOptions = {}): Promise<Browser> {
  const chrome = findChrome();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'jis-a11y-profile-'));
  const base = opts.chromiumSandbox ? CHROME_ARGS.filter((a) => a !== '--no-sandbox') : CHROME_ARGS;
  const options: LaunchOptions = {
    headless: true,
    userDataDir,
    args: [...base, ...(opts.extraArgs ?? [])],
    defaultViewport: { width: 1280, height: 900 },
    ...(opts.env ? { env: opts.env(userDataDir) } : {}),
    ...opts.puppeteer,
  };
  const command = opts.command ?? pdeathsigCommand();
  let browser: Browser;
  try {
    if (opts.profileOwner) chownSync(userDataDir, opts.profileOwner.uid, opts.profileOwner.gid);
    opts.prepareProfile?.(userDataDir);
    browser = await puppeteer.launch(command ? wrappedLaunchOptions(chrome, options, command) : { ...options, executablePath: chrome });
  } catch (e) {
    void rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    throw e;
  }
  // Chromium may still be writing its profile as it exits: retry, and never fail the run over a temp dir.
  browser.once('disconnected', () => void rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {}));
  return browser;
}
