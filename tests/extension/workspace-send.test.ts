// The pure parts of sending to the workspace (extension/lib/workspace-send.ts): the request body (a site-scope
// judgement goes as `site: true`, a page judgement under the public URL, never the preview's), the API address
// under a workspace served below a path, and the one-line Japanese summary. The sending itself is tested against
// the real service in e2e-workspace-send.test.ts.
import { describe, expect, it } from 'vitest';
import { apiUrl, bodyOf, sendSummary } from '../../extension/lib/workspace-send.js';
import type { EditorJudgement } from '../../extension/lib/judgements.js';

const j = (over: Partial<EditorJudgement>): EditorJudgement => ({ criterion: '1.3.3', result: 'pass', note: 'メモ', who: '', when: '', scope: { type: 'page', url: 'https://cms.example/preview/a?token=1' }, ...over });

describe('workspace-send', () => {
  it('puts a page judgement under the public URL and a site-scope one as site: true; 適用なし as na', () => {
    expect(bodyOf(j({}), 'https://www.pref.example.lg.jp/a')).toEqual({ criterion: '1.3.3', pageUrl: 'https://www.pref.example.lg.jp/a', result: 'pass', note: 'メモ' });
    expect(bodyOf(j({ criterion: '3.2.3', result: 'inapplicable', scope: { type: 'site' } }), 'https://www.pref.example.lg.jp/a')).toEqual({ criterion: '3.2.3', site: true, result: 'na', note: 'メモ' });
  });

  it('calls the API under the workspace address, with or without a path and a trailing slash', () => {
    expect(apiUrl('https://a11y.example.lg.jp', 'ws/judgements')).toBe('https://a11y.example.lg.jp/api/v1/ws/judgements');
    expect(apiUrl('https://www.example.lg.jp/jis/', 'ws/pages?url=x')).toBe('https://www.example.lg.jp/jis/api/v1/ws/pages?url=x');
    expect(apiUrl('https://www.example.lg.jp/jis', 'ws/judgements')).toBe('https://www.example.lg.jp/jis/api/v1/ws/judgements');
  });

  it('summarises: sent, refused with the reason, and the page’s state in the workspace', () => {
    const text = sendSummary({
      outcomes: [
        { criterion: '1.3.3', state: 'sent', reason: '' },
        { criterion: '1.1.1', state: 'refused', reason: '自動判定で不適合です' },
      ],
      page: { judged: 2, criteria: ['1.3.3', '2.4.4'], by: ['確認 花子'], test: '2026年度' },
      stateError: '',
    });
    expect(text).toBe('1 件を送りました。1 件は受け付けられませんでした: 1.1.1: 自動判定で不適合です。' + 'ワークスペースの試験では、このページの達成基準 2 件が判断済みです（確認 花子）。');
  });
});
