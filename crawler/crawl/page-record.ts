// What a gathered page (crawler/page/gather-page.ts) becomes in the store: its response facts, its audit
// result, and its links and navigation blocks with every URL normalised the run's way (discovery.ts), links
// de-duplicated by destination, text and area. The site checks (site-checks.ts) and the reports read them.
import type { GatheredPage } from '../page/gather-page.js';
import type { FrontierItem, NavBlock, PageLink, PageRecord } from '../store/store.js';
import { normalizeAll, type Normalize } from './discovery.js';

/** The page's links, normalised; each (destination, text, area) once, in document order. */
export function pageLinks(g: Pick<GatheredPage, 'links'>, normalize: Normalize): PageLink[] {
  const links: PageLink[] = [];
  const seen = new Set<string>();
  for (const l of g.links) {
    const to = normalize(l.href);
    if (!to) continue;
    const k = `${to}\n${l.text}\n${l.area}`;
    if (seen.has(k)) continue;
    seen.add(k);
    links.push({ toUrl: to, text: l.text, area: l.area });
  }
  return links;
}

/** The page's navigation blocks with their destinations normalised. */
export function navBlocks(g: Pick<GatheredPage, 'nav'>, normalize: Normalize): NavBlock[] {
  return g.nav.map((b) => ({ key: b.key, hrefs: normalizeAll(b.hrefs, normalize) }));
}

/** The row to save for a frontier item and what the browser gathered (an error row when `g.error` is set). */
export function pageRecord(item: FrontierItem, g: GatheredPage, links: PageLink[], nav: NavBlock[]): PageRecord {
  const res = g.result;
  return {
    url: item.url,
    finalUrl: g.finalUrl,
    status: g.status,
    contentType: g.contentType,
    title: res?.title ?? '',
    lang: res?.lang ?? '',
    contentHash: g.contentHash,
    bytes: g.bytes,
    depth: item.depth,
    auditedAt: res?.auditedAt ?? new Date().toISOString(),
    durationMs: g.durationMs,
    error: g.error,
    criteria: res?.criteria ?? [],
    nav,
    templateKey: g.template?.template ?? null,
    widgetKey: g.template?.widgets ?? null,
    findings: res?.findings ?? [],
    links,
  };
}
