// Starts the sandbox browser behind its fence: the egress proxy (proxy.ts) outside, Chromium in a network
// namespace of its own (namespace.ts) whose only way out is that proxy, Chromium's sandbox on, as an
// unprivileged user, with a minimal environment and the WebRTC policy in its profile. Where no namespace can
// be made, it refuses (FenceUnavailableError, in Japanese, naming what is missing) unless the weaker fence
// was accepted explicitly: then the same proxy listens on 127.0.0.1 and Chromium runs as before, unsandboxed.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../page/browser.js';
import { writeWebRtcPreferences } from '../no-webrtc.js';
import { AllowList } from './allow-list.js';
import { PROXY_PORT, slotAddress } from './forwarder.js';
import { namespaceCommand, namespaceSupport } from './namespace.js';
import { EgressProxy, type SlotListener } from './proxy.js';

export class FenceUnavailableError extends Error {
  constructor(reason: string) {
    super(`検査用ブラウザを安全に起動できません: ${reason}`);
    this.name = 'FenceUnavailableError';
  }
}

export interface FencedLaunchOptions {
  allowedOrigins: string[];
  /** The unprivileged user Chromium runs as when we are root. */
  user: string;
  /** Accept the weaker fence (no namespace, no Chromium sandbox) where no namespace can be made. */
  allowWeakFence: boolean;
  extraArgs: string[];
}

export interface FencedBrowser {
  browser: Browser;
  egress: EgressProxy;
  /** 'namespace': the full fence; 'weak': proxy, interception and no WebRTC only (accepted explicitly). */
  fence: 'namespace' | 'weak';
  /** Why the weaker fence was used (the namespace's failure), for the log. */
  weakReason?: string;
}

/** Slots as Unix sockets in `dir`, named after the loopback address the forwarder sees. */
function unixSlots(dir: string): SlotListener {
  return (server, index) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(path.join(dir, `${slotAddress(index)}.sock`), () => resolve(`http://${slotAddress(index)}:${PROXY_PORT}`));
    });
}

/** Slots as TCP ports on 127.0.0.1 (the weaker fence: the browser shares our network). */
const tcpSlots: SlotListener = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
  });

/** What Chromium inherits: no tokens or other secrets of the service, its home in the profile. */
function minimalEnv(userDataDir: string): Record<string, string> {
  const keep = ['PATH', 'LANG', 'LC_ALL', 'TZ', 'FONTCONFIG_PATH', 'FONTCONFIG_FILE'];
  const env: Record<string, string> = { HOME: userDataDir, XDG_CONFIG_HOME: userDataDir, XDG_CACHE_HOME: userDataDir };
  for (const k of keep) if (process.env[k]) env[k] = process.env[k]!;
  env.PATH ??= '/usr/bin:/bin';
  return env;
}

export async function launchFencedBrowser(o: FencedLaunchOptions): Promise<FencedBrowser> {
  const support = namespaceSupport(o.user);
  if (!support.ok && !o.allowWeakFence) throw new FenceUnavailableError(support.reason);
  const egressDir = mkdtempSync(path.join(os.tmpdir(), 'jis-a11y-egress-'));
  const egress = new EgressProxy(new AllowList(o.allowedOrigins), support.ok ? unixSlots(egressDir) : tcpSlots);
  const cleanup = () => void egress.close().then(() => rm(egressDir, { recursive: true, force: true })).catch(() => {});
  try {
    const browserSlot = await egress.openSlot(); // the default context's proxy: it allows the same origins
    const owner = support.ok && support.mode === 'root' ? { uid: support.user.uid, gid: support.user.gid } : undefined;
    const browser = await launchBrowser({
      extraArgs: [...o.extraArgs, `--proxy-server=${browserSlot.proxyServer}`, '--proxy-bypass-list=<-loopback>'],
      chromiumSandbox: support.ok,
      command: support.ok ? namespaceCommand(support, egressDir) : undefined,
      profileOwner: owner,
      prepareProfile: (dir) => writeWebRtcPreferences(dir, owner),
      env: minimalEnv,
      // The pipe: Chromium's own loopback is not ours, and it exits when the pipe closes.
      puppeteer: { pipe: true },
    });
    browser.once('disconnected', cleanup);
    return { browser, egress, fence: support.ok ? 'namespace' : 'weak', weakReason: support.ok ? undefined : support.reason };
  } catch (e) {
    cleanup();
    throw e;
  }
}
