// The JIS X 8341-3:2016 success criteria catalogue (project data copied from the standard's WAIC tables).
import catalogue from './data/criteria.json';
import type { Level } from './types.js';

export interface Criterion {
  /** WCAG 2.0 / JIS number, e.g. "1.1.1" */
  wcag: string;
  jis: string;
  level: Level;
  en: string;
  /** WAIC translation title */
  ja: string;
  /** Title as printed in JIS X 8341-3:2016 */
  jaJis: string;
  jis2010: string;
  understandingSlug: string;
}

export const CRITERIA: readonly Criterion[] = catalogue as Criterion[];

const byId = new Map(CRITERIA.map((c) => [c.wcag, c]));

export function criterion(id: string): Criterion | undefined {
  return byId.get(id);
}

/** The criteria a target level covers: A → 25, AA → 38 (A + AA). */
export function targetCriteria(target: 'A' | 'AA'): Criterion[] {
  return CRITERIA.filter((c) => c.level === 'A' || (target === 'AA' && c.level === 'AA'));
}

export function isTargetCriterion(id: string, target: 'A' | 'AA' = 'AA'): boolean {
  const c = byId.get(id);
  return !!c && (c.level === 'A' || (target === 'AA' && c.level === 'AA'));
}

/** WAIC's Japanese Understanding document for a criterion. */
export function understandingUrl(id: string): string {
  const c = byId.get(id);
  return c ? `https://waic.jp/translations/WCAG20/Understanding/${c.understandingSlug}.html` : 'https://waic.jp/translations/WCAG20/Understanding/';
}

/** Compare "1.4.10" style ids numerically. */
export function compareCriterionIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
