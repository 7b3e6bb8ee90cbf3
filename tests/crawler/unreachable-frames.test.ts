// Issue 21, case 13: a page with <iframe>s to file: and chrome: addresses. The browser never gives such a
// frame a document, and waiting to inject the bundle into it held every check about 30 s (the hook's default
// deadline). Now such frames are skipped at once and the result says, for a person to check,
// 「file: のフレームは検査できませんでした」 (the jis-frame-unchecked review finding), in `check` and in the hook.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../crawler/cli/check-command.js';
import { checkSubmission } from '../../crawler/hook/check-submission.js';
import { loadPolicy } from '../../crawler/hook/policy.js';
import { Sandbox } from '../../crawler/hook/sandbox.js';
import { jaPage, servePages, type PageServer } from '../helpers/server.js';

const FRAMES = jaPage(
  `<h1>地図と資料</h1>
<iframe src="file:///etc/hostname" title="手元のファイル"></iframe>
<iframe src="chrome://version" title="ブラウザの画面"></iframe>
<iframe srcdoc="<p>埋め込みの説明</p>" title="説明"></iframe>
<p>本文です。</p>`,
  { title: 'フレームのあるページ｜みどり県' },
);

let dir: string;
let site: PageServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-frames-'));
  writeFileSync(path.join(dir, 'frames.html'), FRAMES);
  site = await servePages({ '/frames.html': FRAMES });
});

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const notes = (findings: { ruleId: string; kind: string; message: string }[]) =>
  findings
    .filter((f) => f.ruleId === 'jis-frame-unchecked')
    .map((f) => [f.kind, f.message])
    .sort();

// Before the fix each such frame stalled the check about 30 s (60 s for this page). An idle machine checks the
// page in 1–2 s; a CI machine under load (load average 20 on 2 cores) took up to 18 s. The bound stays below one stall.
const STALL_BOUND_MS = 20_000;

const EXPECTED = [
  ['review', 'chrome: のフレームは検査できませんでした。中身を人が確認してください。'],
  ['review', 'file: のフレームは検査できませんでした。中身を人が確認してください。'],
];

describe('frames that are not http(s) (issue 21 case 13)', () => {
  it('`check` audits the page in well under one 30 s stall and notes each frame it could not check', async () => {
    const started = Date.now();
    const { result } = await runCheck([path.join(dir, 'frames.html')], { format: 'json', level: 'AA', timeout: 30 });
    const ms = Date.now() - started;
    const page = result.pages[0]!;
    expect(page.error ?? null).toBeNull();
    expect(notes(page.findings)).toEqual(EXPECTED);
    // the review finding leaves the criteria it names for a person
    for (const id of ['1.3.1', '4.1.2']) expect(page.criteria.find((c) => c.id === id)?.outcome).toBe('review');
    expect(ms).toBeLessThan(STALL_BOUND_MS);
  }, 60_000);

  it('the pre-publish hook checks it in well under one 30 s stall, within its default deadline, with the same note', async () => {
    const sandbox = new Sandbox({ allowedOrigins: [site.url] });
    try {
      const policy = loadPolicy(undefined);
      // the browser starts once per service (inside its network fence); time the check, not the launch
      await checkSubmission(sandbox, { kind: 'html', html: '<!doctype html><html lang="ja"><title>準備</title><p>準備</p>', baseUrl: `${site.url}/warm.html` }, { policy, allowedOrigins: [site.url], deadlineMs: 30_000, channel: 'cli' });
      const started = Date.now();
      const v = await checkSubmission(sandbox, { kind: 'html', html: FRAMES, baseUrl: `${site.url}/frames.html` }, { policy, allowedOrigins: [site.url], deadlineMs: 30_000, channel: 'cli' });
      const ms = Date.now() - started;
      expect(notes(v.review)).toEqual(EXPECTED);
      expect(ms).toBeLessThan(STALL_BOUND_MS);
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
