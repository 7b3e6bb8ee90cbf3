// A generated prefectural site of about 3,000 URLs with twelve true layouts (top, section index, subsection
// index, article, article with video, news, news index, event, form, form thanks page, FAQ, English), stored
// as audited pages in a real SQLite store: the selection works on the store, so no browser is needed here.
// Each layout has its URL shape, its navigation blocks and the criteria that apply, as a crawl would store them.
import type { CriterionResult } from '../../../rules-jis/types.js';
import { targetCriteria } from '../../../rules-jis/criteria.js';
import type { Store } from '../../../crawler/store/store.js';

export const ORIGIN = 'https://www.pref.example.lg.jp';
const SECTIONS = ['kurashi', 'kenko', 'kyoiku', 'sangyo', 'kankyo', 'bosai', 'kanko', 'kensei', 'machi', 'shigoto'];
const SUBS = ['ichi', 'ni', 'san', 'shi', 'go', 'roku', 'nana', 'hachi'];
const WORDS = ['annai', 'shinsei', 'hojo', 'soudan', 'jigyou', 'keikaku', 'houkoku', 'chousa', 'kouhou', 'seido', 'shisetsu', 'tetsuzuki', 'kouza', 'boshuu', 'oshirase', 'gaiyou', 'jisseki', 'yosan', 'kaigi', 'shiryou', 'riyou', 'tokei', 'shien', 'kenshu', 'taisaku'];
export const FORMS = ['otoiawase', 'iken', 'moushikomi', 'yoyaku', 'chousahyou', 'tsuhou', 'shiryouseikyu', 'boshuouobo'];

type Layout = 'top' | 'section' | 'sub' | 'article' | 'video' | 'news' | 'newsIndex' | 'event' | 'form' | 'thanks' | 'faq' | 'en';
export interface GeneratedPage {
  url: string;
  layout: Layout;
  nav: string[];
  bytes: number;
}

const NAV: Record<Layout, string[]> = {
  top: ['header', 'nav#gnav', 'nav#pickup', 'footer'],
  section: ['header', 'nav#gnav', 'nav#breadcrumb', 'nav#localnav[くらしのメニュー]', 'footer'],
  sub: ['header', 'nav#gnav', 'nav#breadcrumb', 'nav#localnav[メニュー]', 'footer'],
  article: ['header', 'nav#gnav', 'nav#breadcrumb', 'nav#localnav[メニュー]', 'footer'],
  video: ['header', 'nav#gnav', 'nav#breadcrumb', 'nav#localnav[メニュー]', 'footer'],
  news: ['header', 'nav#gnav', 'nav#breadcrumb', 'footer'],
  newsIndex: ['header', 'nav#gnav', 'nav#breadcrumb', 'nav#news-years', 'footer'],
  event: ['header', 'nav#gnav', 'nav#breadcrumb', 'nav#calendar', 'footer'],
  form: ['header', 'nav#gnav', 'nav#breadcrumb', 'footer'],
  thanks: ['header', 'nav#gnav', 'nav#breadcrumb', 'footer'],
  faq: ['header', 'nav#gnav', 'nav#breadcrumb', 'nav#faq-index', 'footer'],
  en: ['header', 'nav#gnav-en', 'footer'],
};

const MEDIA = /^1\.2\.|^1\.4\.2$/;
const INPUT = /^3\.3\.|^3\.2\.2$/;

/** The criteria a crawl would store for a page of this layout: media and input criteria 適用なし unless it has them. */
export function criteriaOf(layout: Layout): CriterionResult[] {
  return targetCriteria('AA').map((c) => {
    const inapplicable = (MEDIA.test(c.wcag) && layout !== 'video') || (INPUT.test(c.wcag) && layout !== 'form');
    return { id: c.wcag, level: c.level, outcome: inapplicable ? 'inapplicable' : 'review', counts: { violation: 0, review: 0, advisory: 0 } };
  });
}

function name(i: number): string {
  return WORDS[i % WORDS.length] + '-' + WORDS[Math.floor(i / WORDS.length) % WORDS.length];
}

export function generateSite(): GeneratedPage[] {
  const out: GeneratedPage[] = [];
  const add = (path: string, layout: Layout, bytes = 20_000) => out.push({ url: ORIGIN + path, layout, nav: NAV[layout], bytes });
  add('/', 'top', 60_000);
  for (const [si, s] of SECTIONS.entries()) {
    add(`/${s}/`, 'section');
    for (const [bi, b] of SUBS.entries()) {
      add(`/${s}/${b}/`, 'sub');
      for (let i = 0; i < 25; i++) add(`/${s}/${b}/${name(i + bi)}.html`, (si + bi + i) % 23 === 0 ? 'video' : 'article', 15_000 + ((i * 37) % 11) * 1000);
    }
  }
  add('/news/', 'newsIndex');
  for (const y of [2025, 2026]) {
    add(`/news/${y}/`, 'newsIndex');
    for (let i = 1; i <= 200; i++) add(`/news/${y}/news-${String(i).padStart(3, '0')}.html`, 'news');
  }
  for (let i = 1; i <= 200; i++) add(`/event/event-${i}.html`, 'event');
  for (const f of FORMS) {
    add(`/form/${f}.html`, 'form', 30_000);
    add(`/form/${f}-thanks.html`, 'thanks', 8_000);
  }
  for (const s of SECTIONS) for (let i = 0; i < 24; i++) add(`/faq/${s}/${name(i)}.html`, 'faq');
  for (let i = 0; i < 24; i++) add(`/en/${name(i)}.html`, 'en');
  return out;
}

/** Writes the site as one finished run of `store`; returns the run id. */
export async function storeSite(store: Store, pages: GeneratedPage[]): Promise<number> {
  const runId = await store.runs.createRun({ startUrls: [ORIGIN + '/'], config: {}, toolVersion: 'test', axeVersion: 'test', target: 'AA' });
  const at = new Date().toISOString();
  for (const p of pages) {
    await store.results.savePage(runId, {
      url: p.url,
      title: p.url,
      depth: p.url === ORIGIN + '/' ? 0 : p.url.split('/').length - 3,
      auditedAt: at,
      status: 200,
      contentType: 'text/html',
      bytes: p.bytes,
      contentHash: 'h' + p.url.length,
      criteria: criteriaOf(p.layout),
      nav: p.nav.map((key) => ({ key, hrefs: [] })),
    });
  }
  await store.runs.updateRun(runId, { status: 'finished', finishedAt: at });
  return runId;
}
