// WebRTC off in the sandbox browser (issue 21 case 2: submitted HTML sent STUN/TURN datagrams over UDP,
// which request interception, the CSP and an HTTP proxy never see). Two layers below the network namespace:
//  - in the page: every RTC* interface (RTCPeerConnection, webkitRTCPeerConnection, RTCDataChannel,
//    RTCIceTransport, …) and WebTransport (QUIC over UDP) are deleted before any page script runs, in every
//    frame (puppeteer's evaluateOnNewDocument reaches same-origin, about:blank and cross-origin frames) and
//    in every worker (paused at start through CDP auto-attach until the same script ran there);
//  - in the browser: the profile's WebRTC policy `disable_non_proxied_udp`, so that even a peer connection
//    could only use TURN over TCP through the egress proxy, which refuses it. (Chromium's
//    --force-webrtc-ip-handling-policy switch is ignored by Chrome itself; the preference is not.)
import { mkdirSync, writeFileSync, chownSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'puppeteer';

/** Runs first in every window and worker: the WebRTC (and WebTransport) constructors are gone. */
export const NO_WEBRTC = `(() => {
  const g = globalThis;
  for (const k of Object.getOwnPropertyNames(g)) {
    if (/^(webkit)?RTC/.test(k) || k === 'WebTransport') { try { delete g[k]; } catch (e) {} }
  }
})();`;

/** Writes the WebRTC policy into a fresh profile (before Chromium starts), owned by the browser's user. */
export function writeWebRtcPreferences(userDataDir: string, owner?: { uid: number; gid: number }): void {
  const dir = path.join(userDataDir, 'Default');
  const file = path.join(dir, 'Preferences');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify({ webrtc: { ip_handling_policy: 'disable_non_proxied_udp', multiple_routes_enabled: false, nonproxied_udp_enabled: false } }));
  if (owner) for (const p of [dir, file]) chownSync(p, owner.uid, owner.gid);
}

interface AttachedEvent {
  sessionId: string;
  targetInfo: { type: string };
}

/** Auto-attaches to the page's child targets (and theirs), runs NO_WEBRTC in each worker before it starts. */
async function guardWorkers(page: Page): Promise<void> {
  const root = await page.createCDPSession();
  const connection = root.connection();
  const watch = async (session: CDPSession): Promise<void> => {
    session.on('Target.attachedToTarget', (ev: AttachedEvent) => void onAttached(ev));
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  };
  const onAttached = async (ev: AttachedEvent): Promise<void> => {
    const child = connection?.session(ev.sessionId);
    if (!child) return;
    try {
      if (ev.targetInfo.type.includes('worker')) await child.send('Runtime.evaluate', { expression: NO_WEBRTC });
      await watch(child); // nested workers, and workers of cross-origin frames
    } catch {
      /* the target went away, or cannot auto-attach: it is resumed below either way */
    } finally {
      await child.send('Runtime.runIfWaitingForDebugger').catch(() => {});
    }
  };
  await watch(root);
}

/** WebRTC off in the page, its frames and workers; call before the first navigation. */
export async function noWebRtc(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(NO_WEBRTC);
  await guardWorkers(page);
}
