// @vitest-environment happy-dom
// Component tests of the panel's lit elements, with a fake PanelHost in place of chrome.scripting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../extension/components/jis-panel.js';
import type { JisResults } from '../../extension/components/jis-results.js';
import type { JisAids } from '../../extension/components/jis-aids.js';
import type { JisChecklist } from '../../extension/components/jis-checklist.js';
import type { JisPanel } from '../../extension/components/jis-panel.js';
import type { PanelHost } from '../../extension/lib/tab-client.js';
import { NoAccessError } from '../../extension/lib/tab-client.js';
import { singlePageResult } from '../../rules-jis/result.js';
import type { Finding, InPageOutput, PageResult } from '../../rules-jis/types.js';

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'image-alt',
    source: 'axe',
    kind: 'violation',
    criteria: ['1.1.1'],
    impact: 'critical',
    selector: '#map',
    html: '<img id="map" src="map.png">',
    message: '画像に代替テキストがありません',
    help: '画像の内容を alt 属性に書いてください',
    helpUrl: 'https://example.invalid/help',
    ...over,
  };
}

const output: InPageOutput = {
  url: 'http://127.0.0.1/news.html#top',
  title: 'お知らせ',
  lang: 'ja',
  axeVersion: '4.14.1',
  findings: [
    finding({}),
    finding({ ruleId: 'color-contrast', criteria: ['1.4.3'], selector: '#faint', kind: 'review', message: 'コントラストを確認してください' }),
    finding({ ruleId: 'jis-pdf-size', source: 'jis', criteria: [], kind: 'advisory', selector: 'a[href$=".pdf"]', message: 'PDF のサイズがありません' }),
    finding({ ruleId: 'source-duplicate-attribute', source: 'source', criteria: ['4.1.1'], selector: '', line: 30, column: 3, message: '属性が重複しています' }),
  ],
  ruleStats: [
    { ruleId: 'image-alt', source: 'axe', criteria: ['1.1.1'], result: 'violation' },
    { ruleId: 'color-contrast', source: 'axe', criteria: ['1.4.3'], result: 'review' },
  ],
  facts: { inapplicable: { '1.2.1': true } },
};

function page(): PageResult {
  return singlePageResult(output, 'test').pages[0];
}

async function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown> = {}): Promise<T> {
  const el = document.createElement(tag) as T & { updateComplete: Promise<boolean> };
  Object.assign(el, props);
  document.body.appendChild(el);
  await el.updateComplete;
  return el;
}

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];

afterEach(() => {
  document.body.replaceChildren();
});

describe('<jis-results>', () => {
  it('says nothing was audited yet', async () => {
    const el = await mount<JisResults>('jis-results');
    expect(el.shadowRoot!.textContent).toContain('まだ検査していません');
  });

  it('one entry per rule and criterion set, folded, by severity; a finding on two criteria once with both badges', async () => {
    const two = { ...output, findings: [...output.findings, finding({ ruleId: 'empty-heading', criteria: ['1.3.1', '2.4.6'], kind: 'review', impact: 'minor', selector: 'h2', html: '<h2></h2>', message: '見出しに文字がありません' })] };
    const el = await mount<JisResults>('jis-results', { page: singlePageResult(two, 'test').pages[0] });
    const entries = $$(el, 'li.entry');
    expect(entries.map((g) => `${g.dataset.kind} ${g.dataset.rule} ${g.dataset.count}`)).toEqual([
      'violation image-alt 1',
      'violation source-duplicate-attribute 1',
      'review color-contrast 1',
      'review empty-heading 1',
      'advisory jis-pdf-size 1',
    ]);
    // folded by default
    expect(entries.every((e) => !(e.querySelector('details') as HTMLDetailsElement).open)).toBe(true);
    const heading = entries[3];
    expect([...heading.querySelectorAll('summary [data-criterion]')].map((b) => b.textContent)).toEqual(['1.3.1 A', '2.4.6 AA']);
    // the list counts what the summary counts
    const listed = (k: string) => entries.filter((e) => e.dataset.kind === k).reduce((n, e) => n + Number(e.dataset.count), 0);
    const summary = (k: string) => Number($(el, `[data-testid=summary] [data-kind=${k}]`).textContent);
    for (const k of ['violation', 'review', 'advisory']) expect(listed(k), k).toBe(summary(k));
    expect(summary('review')).toBe(2);
    const first = entries[0];
    expect(first.querySelector('summary')!.textContent).toContain('1 件');
    const body = first.querySelector('.body')!.textContent!;
    for (const part of ['何が問題か', '直し方', '場所']) expect(body).toContain(part);
    expect(body).toContain('画像に代替テキストがありません');
    expect(first.querySelector('details.dev pre code')!.textContent).toBe('<img id="map" src="map.png">');
    // A source finding has no element to show, but says where in the source it is.
    expect(entries[1].textContent).toContain('ソースの 30 行');
    expect(entries[1].querySelector('button.show')).toBeNull();
  });

  it('shows the affected texts of an entry: 「こちら」 40 件 in one line', async () => {
    const links = Array.from({ length: 40 }, (_, i) => finding({ ruleId: 'jis-link-text', source: 'jis', criteria: ['2.4.4'], kind: 'violation', selector: `#l${i}`, html: `<a id="l${i}" href="/${i}.html">${i % 2 ? 'こちら' : '詳細'}</a>`, message: 'リンクのテキストだけでは行き先がわかりません' }));
    const el = await mount<JisResults>('jis-results', { page: singlePageResult({ ...output, findings: links }, 'test').pages[0] });
    const entries = $$(el, 'li.entry');
    expect(entries).toHaveLength(1);
    expect(entries[0].dataset.count).toBe('40');
    expect(entries[0].querySelector('.texts')!.textContent).toBe('「詳細」 「こちら」');
    expect(entries[0].querySelectorAll('li.where')).toHaveLength(40);
  });

  it('filters by kind and by level', async () => {
    const el = await mount<JisResults>('jis-results', { page: page() });
    const rules = () => $$(el, 'li.entry').map((g) => g.dataset.rule);
    const kind = (k: string) => $(el, `input[name=kind][value=${k}]`) as HTMLInputElement;
    kind('violation').click();
    await el.updateComplete;
    expect(rules()).toEqual(['color-contrast', 'jis-pdf-size']);
    kind('violation').click();
    ($(el, 'input[name=level][value=AA]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(rules()).toEqual(['image-alt', 'source-duplicate-attribute', 'jis-pdf-size']);
    kind('advisory').click();
    await el.updateComplete;
    expect(rules()).toEqual(['image-alt', 'source-duplicate-attribute']);
  });

  it('asks for a highlight with the finding’s selector, and for pictures when an entry opens', async () => {
    const el = await mount<JisResults>('jis-results', { page: page() });
    const seen: string[] = [];
    const shots: string[] = [];
    document.body.addEventListener('jis-highlight', (e) => seen.push((e as CustomEvent).detail.selector));
    document.body.addEventListener('jis-shot', (e) => shots.push((e as CustomEvent).detail.selector));
    $(el, 'li.entry button.show').click();
    expect(seen).toEqual(['#map']);
    const details = $(el, 'li.entry details') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await vi.waitFor(() => expect(shots).toEqual(['#map'])); // once, however many toggle events
    details.open = false;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await new Promise((r) => setTimeout(r, 50));
    expect(shots).toEqual(['#map']);
  });
});

describe('<jis-aids>', () => {
  it('toggle buttons report their state and emit toggles', async () => {
    const el = await mount<JisAids>('jis-aids', { active: { alt: true }, counts: { alt: 3 } });
    const alt = $(el, 'button[data-aid=alt]');
    expect(alt.getAttribute('aria-pressed')).toBe('true');
    expect(alt.textContent).toContain('（3）');
    const events: unknown[] = [];
    el.addEventListener('jis-aid-toggle', (e) => events.push((e as CustomEvent).detail));
    alt.click();
    $(el, 'button[data-aid=taborder]').click();
    expect(events).toEqual([
      { aid: 'alt', on: false },
      { aid: 'taborder', on: true },
    ]);
  });

  it('shows the heading outline with skipped levels and the landmarks', async () => {
    const el = await mount<JisAids>('jis-aids', {
      headings: [
        { level: 1, text: 'お知らせ', selector: 'h1' },
        { level: 3, text: '日時', selector: 'h3' },
      ],
      landmarks: [{ role: 'navigation', text: 'グローバル', selector: 'nav' }],
    });
    const items = $$(el, '[data-testid=outline] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['H1 お知らせ', 'H3 日時 レベルが飛んでいます']);
    expect($(el, '[data-testid=landmarks]').textContent).toContain('ナビゲーション (nav)「グローバル」');
    const seen: string[] = [];
    el.addEventListener('jis-highlight', (e) => seen.push((e as CustomEvent).detail.selector));
    $(el, '[data-testid=outline] button').click();
    expect(seen).toEqual(['h1']);
  });

  it('shows a contrast measurement', async () => {
    const el = await mount<JisAids>('jis-aids', {
      contrast: {
        selector: '#faint',
        html: '',
        text: '受付',
        foreground: '#b5b5b5',
        background: '#ffffff',
        ratio: 2.05,
        large: false,
        fontSizePx: 16,
        fontWeight: 400,
        requiredAA: 4.5,
        passAA: false,
        passAAA: false,
        uncertain: true,
      },
    });
    expect($(el, '[data-testid=ratio]').textContent).toBe('2.05:1');
    const text = $(el, '[data-testid=contrast-result]').textContent!;
    expect(text).toContain('基準を満たしていません（4.5:1 以上が必要）');
    expect(text).toContain('背景色は推定です');
  });
});

describe('<jis-checklist>', () => {
  it('lists review/untested criteria by default, all 38 on request', async () => {
    const el = await mount<JisChecklist>('jis-checklist', { page: page() });
    const ids = $$(el, 'fieldset').map((f) => f.dataset.criterion);
    expect(ids).not.toContain('1.1.1'); // fail: decided by the checks
    expect(ids).not.toContain('1.2.1'); // inapplicable
    expect(ids).toContain('1.4.3'); // review
    expect(ids).toContain('2.4.5'); // untested
    ($(el, 'input[type=checkbox]') as HTMLInputElement).click();
    await el.updateComplete;
    expect($$(el, 'fieldset')).toHaveLength(38);
  });

  it('emits judgement changes with the note typed before the choice', async () => {
    const el = await mount<JisChecklist>('jis-checklist', { page: page() });
    const events: unknown[] = [];
    el.addEventListener('jis-judgement-change', (e) => events.push((e as CustomEvent).detail));
    const note = $(el, 'textarea[id="note-1.4.3"]') as HTMLTextAreaElement;
    note.value = '背景画像の上だが十分に濃い';
    note.dispatchEvent(new Event('change'));
    ($(el, 'fieldset[data-criterion="1.4.3"] input[value=pass]') as HTMLInputElement).click();
    expect(events).toEqual([{ criterion: '1.4.3', result: 'pass', note: '背景画像の上だが十分に濃い', siteWide: false }]);
  });

  it('every control has a label (radios in a fieldset with a legend)', async () => {
    const el = await mount<JisChecklist>('jis-checklist', { page: page() });
    for (const input of $$(el, 'input, textarea')) {
      const labelled = input.closest('label') || (input.id && el.shadowRoot!.querySelector(`label[for="${input.id}"]`));
      expect(labelled, input.outerHTML).toBeTruthy();
    }
    for (const fs of $$(el, 'fieldset')) expect(fs.querySelector('legend')!.textContent!.trim()).not.toBe('');
  });
});

describe('<jis-panel>', () => {
  function fakeHost(over: Partial<PanelHost> = {}): PanelHost & { data: Map<string, unknown> } {
    const data = new Map<string, unknown>();
    return {
      data,
      store: { get: async (k) => data.get(k), set: async (k, v) => void data.set(k, structuredClone(v)) },
      tab: async () => ({ tabId: 7, url: 'http://127.0.0.1/news.html#top', title: 'お知らせ' }),
      audit: async () => ({ output, result: singlePageResult(output, 'test') }),
      highlight: vi.fn(async () => ({ found: true })),
      shot: vi.fn(async () => ({ reason: 'テスト' })),
      showAid: vi.fn(async (aid) => ({ count: 2, items: aid === 'headings' ? [{ level: 1, text: 'お知らせ', selector: 'h1' }] : [] })),
      startPicker: vi.fn(async () => undefined),
      stopPicker: vi.fn(async () => undefined),
      measureFocused: async () => null,
      clearAids: async () => undefined,
      setBadge: vi.fn(async () => undefined),
      requestAccess: vi.fn(async () => true),
      onContrast: () => undefined,
      onTabChanged: () => undefined,
      ...over,
    };
  }

  async function panelWith(host: PanelHost): Promise<JisPanel> {
    const el = await mount<JisPanel>('jis-panel', { host });
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    return el;
  }

  it('audits, renders the results, sets the badge and announces the totals', async () => {
    const host = fakeHost();
    const el = await panelWith(host);
    expect($(el, 'header').textContent).toContain('http://127.0.0.1/news.html#top');
    $(el, '[data-testid=audit]').click();
    await vi.waitFor(() => expect($(el, '[data-testid=status]').textContent).toContain('検査が終わりました'));
    expect($(el, '[data-testid=status]').getAttribute('role')).toBe('status');
    expect(host.setBadge).toHaveBeenCalledWith(2, 1);
    const results = $(el, 'jis-results') as JisResults;
    await results.updateComplete;
    expect($$(results, 'li.entry')).toHaveLength(4);
  });

  it('forwards a finding click to the page highlight', async () => {
    const host = fakeHost();
    const el = await panelWith(host);
    $(el, '[data-testid=audit]').click();
    await vi.waitFor(() => expect($(el, '[data-testid=status]').textContent).toContain('検査が終わりました'));
    const results = $(el, 'jis-results') as JisResults;
    await results.updateComplete;
    $(results, 'button.show').click();
    await vi.waitFor(() => expect(host.highlight).toHaveBeenCalledWith('#map'));
    await vi.waitFor(() => expect($(el, '[data-testid=status]').textContent).toContain('枠で示しました'));
  });

  it('tabs are operable with the arrow keys (ARIA tabs pattern)', async () => {
    const el = await panelWith(fakeHost());
    const tablist = $(el, '[role=tablist]');
    const selected = () => $$(el, '[role=tab]').find((t) => t.getAttribute('aria-selected') === 'true')!.id;
    expect(selected()).toBe('tab-results');
    tablist.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(selected()).toBe('tab-aids');
    expect($(el, '#panel-aids').hidden).toBe(false);
    expect($(el, '#panel-results').hidden).toBe(true);
    tablist.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await el.updateComplete;
    expect(selected()).toBe('tab-checklist');
    tablist.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(selected()).toBe('tab-results');
    // Roving tabindex: only the selected tab is in the tab order.
    expect($$(el, '[role=tab]').map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
  });

  it('turns an aid on and lists the heading outline', async () => {
    const host = fakeHost();
    const el = await panelWith(host);
    const aids = $(el, 'jis-aids') as JisAids;
    $(aids, 'button[data-aid=headings]').click();
    await vi.waitFor(() => expect(host.showAid).toHaveBeenCalledWith('headings', true));
    await vi.waitFor(() => expect(aids.headings).toHaveLength(1));
    expect($(el, '[data-testid=status]').textContent).toContain('見出しをページ上に表示しました（2 件）');
  });

  it('stores judgements per page (without the fragment) and exports the judgement format', async () => {
    const host = fakeHost();
    const el = await panelWith(host);
    $(el, '[data-testid=audit]').click();
    await vi.waitFor(() => expect($(el, '[data-testid=status]').textContent).toContain('検査が終わりました'));
    const list = $(el, 'jis-checklist') as JisChecklist;
    list.dispatchEvent(new CustomEvent('jis-who-change', { detail: '県 花子', bubbles: true, composed: true }));
    await vi.waitFor(() => expect(host.data.get('settings:who')).toBe('県 花子'));
    list.dispatchEvent(
      new CustomEvent('jis-judgement-change', { detail: { criterion: '2.4.6', result: 'fail', note: '見出しが内容を表していない' }, bubbles: true, composed: true }),
    );
    await vi.waitFor(() => expect(host.data.get('judgements:http://127.0.0.1/news.html')).toBeTruthy());
    const exp = el.exportJudgements();
    expect(exp).toMatchObject({
      format: 'jis-a11y-judgements',
      version: 1,
      judgements: [
        { criterion: '2.4.6', result: 'fail', note: '見出しが内容を表していない', who: '県 花子', scope: { type: 'page', url: 'http://127.0.0.1/news.html' } },
      ],
      // under the public URL (no fragment, no preview tokens: extension/lib/public-url.ts)
      result: { standard: 'JIS X 8341-3:2016', target: 'AA', pages: [{ url: 'http://127.0.0.1/news.html' }] },
    });
    expect(Number.isNaN(Date.parse(exp.judgements[0].when))).toBe(false);
    // Withdrawn judgements leave the export.
    list.dispatchEvent(new CustomEvent('jis-judgement-change', { detail: { criterion: '2.4.6', result: null, note: '' }, bubbles: true, composed: true }));
    await vi.waitFor(() => expect(el.exportJudgements().judgements).toEqual([]));
  });

  it('offers to grant site access when the tab cannot be scripted', async () => {
    let denied = true;
    const host = fakeHost({
      audit: async () => {
        if (denied) throw new NoAccessError('http://127.0.0.1');
        return { output, result: singlePageResult(output, 'test') };
      },
      requestAccess: vi.fn(async () => {
        denied = false;
        return true;
      }),
    });
    const el = await panelWith(host);
    $(el, '[data-testid=audit]').click();
    await vi.waitFor(() => expect($(el, '[data-testid=error]').textContent).toContain('アクセスする権限がありません'));
    expect($(el, '[data-testid=error]').getAttribute('role')).toBe('alert');
    $(el, '[data-testid=grant]').click();
    await vi.waitFor(() => expect($(el, '[data-testid=status]').textContent).toContain('検査が終わりました'));
    expect(host.requestAccess).toHaveBeenCalledWith('http://127.0.0.1/news.html#top');
    expect($(el, '[data-testid=grant]')).toBeNull();
  });

  it('「ワークスペースへ送る」 shows only with an address and a token; a refused permission sends nothing and says how to fix', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const without = await panelWith(fakeHost());
      expect($(without, '[data-testid=ws-send]')).toBeNull();
      const host = fakeHost({ requestAccess: vi.fn(async () => false) });
      host.data.set('settings:workspace', { url: 'https://a11y.example.lg.jp/', token: 'jisu_x' });
      host.data.set('judgements:http://127.0.0.1/news.html', { '1.3.3': { criterion: '1.3.3', result: 'pass', note: '', who: '', when: '', scope: { type: 'page', url: 'http://127.0.0.1/news.html' } } });
      const el = await panelWith(host);
      await vi.waitFor(() => expect($(el, '[data-testid=ws-send]')).not.toBeNull());
      $(el, '[data-testid=ws-send]').click();
      await vi.waitFor(() => expect($(el, '[data-testid=error]').textContent).toContain('https://a11y.example.lg.jp'));
      expect($(el, '[data-testid=error]').textContent).toContain('許可してください');
      expect(host.requestAccess).toHaveBeenCalledWith('https://a11y.example.lg.jp/');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
