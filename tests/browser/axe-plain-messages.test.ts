// axe's common rules speak plain Japanese (issue 16 item 2): the finding's message is the catalogue's
// 何が問題か (rules-jis/data/rules/axe.json `message`, filled with what axe measured) and its fix starts with
// who is hurt; no 「閾値」「前景色」「pt」. Real Chromium, the real bundle: the same findings every front door shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildBundle, BUNDLE_PATH } from '../../rules-jis/bundle/build.js';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';
import { axeRuleChanges } from '../../rules-jis/mapping.js';
import type { InPageOutput } from '../../rules-jis/types.js';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';

const JARGON = /閾値|前景色|[0-9]\s*pt\b|タブ順序にあり/;

/** The rules the issue names: each must have our plain wording in the catalogue. */
const COMMON = ['image-alt', 'color-contrast', 'label', 'link-name', 'button-name', 'frame-title', 'empty-heading', 'list', 'listitem',
  'duplicate-id', 'html-has-lang', 'document-title', 'select-name', 'aria-input-field-name', 'aria-toggle-field-name', 'aria-command-name',
  'aria-meter-name', 'aria-progressbar-name', 'aria-tooltip-name'];

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<main>
<h2></h2>
<p><img src="/a.png"></p>
<p style="color:#aaa;background:#fff">受付時間は午前9時から午後5時までです。</p>
<form><input type="text" id="x"><input type="text" id="x"><select><option>市</option></select>
<button type="button"></button><div role="checkbox" aria-checked="false" tabindex="0"></div></form>
<ul><div>項目</div></ul><li>迷子の項目</li>
<p><a href="/b.html"><img src="/b.png"></a></p>
<iframe src="about:blank"></iframe>
</main></body></html>`;

describe('plain Japanese for axe’s common rules', () => {
  let auditor: Auditor;
  let out: InPageOutput;
  beforeAll(async () => {
    if (!existsSync(BUNDLE_PATH)) await buildBundle();
    auditor = await createAuditor();
    out = await auditor.raw(PAGE);
  }, 120_000);
  afterAll(() => auditor?.close());

  it('the catalogue holds a plain message, why and fix for each rule the issue names', () => {
    for (const id of COMMON) {
      const rule = ruleCatalogue().get(id);
      expect(axeRuleChanges[id]?.message, id).toBeTruthy();
      expect(rule.message, id).not.toBe(rule.title.ja);
      for (const text of [rule.message, rule.why ?? '', rule.help, rule.reviewMessage ?? '']) expect(text, id).not.toMatch(JARGON);
      expect(rule.why, id).toMatch(/[ぁ-ん]/);
    }
  });

  it('findings of those rules carry it, filled with what axe found', () => {
    const axe = out.findings.filter((f) => f.source === 'axe' && COMMON.includes(f.ruleId));
    const seen = new Set(axe.map((f) => f.ruleId));
    for (const id of ['image-alt', 'color-contrast', 'label', 'link-name', 'button-name', 'empty-heading', 'list', 'listitem', 'html-has-lang', 'document-title', 'select-name', 'aria-toggle-field-name'])
      expect(seen, id).toContain(id);
    for (const f of axe) {
      expect(f.message, `${f.ruleId}: ${f.message}`).not.toMatch(JARGON);
      expect(f.message).not.toContain('${');
      expect(f.help.startsWith(ruleCatalogue().get(f.ruleId).why!), f.ruleId).toBe(true);
    }
    const contrast = axe.find((f) => f.ruleId === 'color-contrast' && f.kind === 'violation')!;
    // #aaa on #fff: axe measures 2.32:1 and asks for 4.5:1 at this size
    expect(contrast.message).toMatch(/コントラスト比 2\.3\d?:1。必要なのは 4\.5:1 以上/);
    expect(axe.find((f) => f.ruleId === 'image-alt')!.message).toBe('画像に代替テキスト（alt 属性）がありません。');
  });

  it('a frame no check could enter is said once: file: by jis-frame-unchecked, not again by frame-tested', async () => {
    const out2 = await auditor.raw(jaPage('<h1>資料</h1><iframe src="file:///etc/hostname" title="手元のファイル"></iframe><p>本文です。</p>'));
    const notes = out2.findings.filter((f) => f.ruleId === 'jis-frame-unchecked' || f.ruleId === 'frame-tested');
    expect(notes.map((f) => `${f.ruleId} ${f.kind}`)).toEqual(['jis-frame-unchecked review']);
    expect(ruleCatalogue().get('frame-tested').message).toContain('このフレームの中は検査できませんでした');
  }, 60_000);
});
