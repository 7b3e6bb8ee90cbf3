// The live keyboard check's judging (extension/lib/keyboard-live.ts) on recordings made by hand: a trap by cycle
// and by a Tab that moves nothing, a full round with an unreached element, an unfinished round (no unreached
// blamed), invisible focus, positive tabindex; and the public-URL mapping and exports (lib/public-url.ts, exports.ts).
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { criterion } from '../../rules-jis/criteria.js';
import { judgeLive, type LiveRecording, type LiveStop } from '../../extension/lib/keyboard-live.js';
import { checkRule, publicUrlOf, stripTokens } from '../../extension/lib/public-url.js';
import { exportRows, judgementsHtml, judgementsXlsx } from '../../extension/lib/exports.js';
import { buildExport, type EditorJudgement } from '../../extension/lib/judgements.js';

let n = 0;
function stop(key: number, over: Partial<LiveStop> = {}): { type: 'stop' } & LiveStop {
  n++;
  return {
    type: 'stop',
    index: n,
    key,
    selector: `#e${key}`,
    tag: 'a',
    role: 'link',
    name: `要素${key}`,
    html: `<a id="e${key}">`,
    rect: { x: 10, y: key * 40, width: 80, height: 20 },
    tabindex: null,
    visible: true,
    styleDiff: ['outline-style'],
    faintDiff: [],
    back: false,
    viewH: 600,
    ...over,
  };
}
const targets = (k: number) => Array.from({ length: k }, (_, i) => ({ key: i, selector: `#e${i}`, name: `要素${i}`, html: `<a id="e${i}">`, tag: 'a' }));
const rec = (events: LiveRecording['events'], tabbable = 5, candidates: LiveRecording['candidates'] = []): LiveRecording => ({
  url: 'http://127.0.0.1/p.html',
  events,
  tabbable: targets(tabbable),
  candidates,
});

describe('judgeLive', () => {
  it('a cycle through part of the sequence is a trap (2.1.2), reported once, as 要確認', () => {
    n = 0;
    const j = judgeLive(rec([stop(0), stop(1), stop(2), stop(3), stop(1), stop(2), stop(3), stop(1)]));
    expect(j.trap?.how).toBe('cycle');
    const traps = j.findings.filter((f) => f.ruleId === 'keyboard-trap');
    expect(traps).toHaveLength(1);
    expect(traps[0]).toMatchObject({ kind: 'review', criteria: ['2.1.2'], source: 'interaction', selector: '#e1' });
    expect(traps[0].message).toContain('「要素1」・「要素2」・「要素3」');
    expect(traps[0].message).toContain('一度も届かなかった要素が 1 個');
  });

  it('going all the way round and out of the page is not a trap', () => {
    n = 0;
    const j = judgeLive(rec([stop(0), stop(1), stop(2), { type: 'left' }, stop(0), stop(1)], 3));
    expect(j.trap).toBeNull();
    expect(j.complete).toBe(true);
    expect(j.findings).toEqual([]);
    expect(j.ruleStats.map((s) => [s.ruleId, s.result])).toEqual([
      ['keyboard-operable', 'passed'],
      ['keyboard-trap', 'passed'],
      ['focus-order', 'passed'],
      ['focus-visible', 'passed'],
    ]);
  });

  it('Tab pressed twice without moving focus is a trap', () => {
    n = 0;
    const stuck = { type: 'stuck' as const, key: 1, selector: '#e1', name: '本文', html: '<textarea>' };
    const j = judgeLive(rec([stop(0), stop(1), stuck, stuck]));
    expect(j.trap?.how).toBe('stuck');
    expect(j.findings.find((f) => f.ruleId === 'keyboard-trap')?.message).toContain('「本文」 で Tab キーを何度押しても');
  });

  it('after a full round, an element never reached is 2.1.1; before it, nothing is blamed', () => {
    n = 0;
    const full = judgeLive(rec([stop(0), stop(2), { type: 'left' }], 3));
    expect(full.findings.map((f) => [f.ruleId, f.selector])).toEqual([['keyboard-operable', '#e1']]);
    n = 0;
    const half = judgeLive(rec([stop(0), stop(1)], 3));
    expect(half.complete).toBe(false);
    expect(half.findings).toEqual([]);
    expect(half.ruleStats).toEqual([]);
  });

  it('clickable elements that are not focusable, invisible focus and positive tabindex are flagged', () => {
    n = 0;
    const cand = [{ id: 1, selector: '#fake', html: '<span onclick>', name: '申し込む', inline: true, role: '', pointer: true }];
    const j = judgeLive(rec([stop(0, { styleDiff: [] }), stop(1, { tabindex: 3 }), { type: 'left' }], 2, cand));
    expect(j.findings.map((f) => [f.ruleId, f.criteria[0], f.selector])).toEqual([
      ['keyboard-operable', '2.1.1', '#fake'],
      ['focus-visible', '2.4.7', '#e0'],
      ['focus-order', '2.4.3', '#e1'],
    ]);
    expect(j.findings.every((f) => f.kind === 'review')).toBe(true);
  });
});

describe('public URL and exports', () => {
  it('strips preview tokens and maps the preview prefix to the public one', () => {
    expect(stripTokens('https://cms.example/p/1.html?preview=1&access_token=x&id=7#top')).toBe('https://cms.example/p/1.html?id=7');
    const rules = [
      { previewPrefix: 'https://cms.example/preview/', publicPrefix: 'https://www.pref.example.lg.jp/' },
      { previewPrefix: 'https://cms.example/preview/kurashi/', publicPrefix: 'https://www.pref.example.lg.jp/life/' },
    ];
    expect(publicUrlOf('https://cms.example/preview/kurashi/gomi.html?token=abc', rules)).toBe('https://www.pref.example.lg.jp/life/gomi.html');
    expect(publicUrlOf('https://cms.example/preview/index.html?sig=1&page=2', rules)).toBe('https://www.pref.example.lg.jp/index.html?page=2');
    expect(publicUrlOf('https://other.example/a.html?ts=1', rules)).toBe('https://other.example/a.html');
    expect(publicUrlOf('https://cms.example/preview/a.html', rules, 'https://www.pref.example.lg.jp/x.html?session=9')).toBe('https://www.pref.example.lg.jp/x.html');
    expect(checkRule({ previewPrefix: 'cms/preview', publicPrefix: 'https://www.pref.example.lg.jp/' })).toContain('プレビューの URL「cms/preview」は URL として読めません');
    expect(checkRule({ previewPrefix: 'https://cms.example/', publicPrefix: '' })).toContain('公開時の URLが空です');
  });

  it('the XLSX opens with exceljs and the HTML names the public URL, never the preview token', async () => {
    const j: Record<string, EditorJudgement> = {
      '1.4.3': { criterion: '1.4.3', result: 'fail', note: '写真の上の白文字', who: '県 花子', when: '2026-11-30T04:05:00Z', scope: { type: 'page', url: 'x' } },
      '1.1.1': { criterion: '1.1.1', result: 'pass', note: '', who: '県 花子', when: '2026-11-30T15:30:00Z', scope: { type: 'page', url: 'x' } },
    };
    const pub = 'https://www.pref.example.lg.jp/a.html';
    const rows = exportRows(j, null, pub);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(judgementsXlsx(rows)) as unknown as ArrayBuffer);
    const got = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => Array.from((r as unknown[]).slice(1), (v) => String(v ?? '')));
    expect(got[1]).toEqual([pub, '1.1.1', criterion('1.1.1')!.ja, 'A', 'このページ', '○ 適合', '', '県 花子', '2026年12月1日 00:30', '未確認']);
    expect(got[2].slice(0, 6)).toEqual([pub, '1.4.3', criterion('1.4.3')!.ja, 'AA', 'このページ', '× 不適合']);
    const page = judgementsHtml(rows, pub, 'https://cms.example/p.html?preview_token=SECRET');
    expect(page).toContain('<html lang="ja">');
    expect(page).not.toContain('SECRET');
    expect(buildExport(j, null, pub).judgements.map((x) => x.scope)).toEqual([
      { type: 'page', url: pub },
      { type: 'page', url: pub },
    ]);
  });
});
