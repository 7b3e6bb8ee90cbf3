// Small formatting helpers shared by the HTML, CSV and XLSX writers.
import type { ClaimStatus } from '../rules-jis/verdict.js';

/** The CSS class (reports/layout.ts) of a criterion's result: met, failed, or still open for a person. */
export const STATUS_CLASS: Record<ClaimStatus, 'pass' | 'fail' | 'review'> = { met: 'pass', failed: 'fail', open: 'review' };

export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Date in Japan time as 「2026年11月25日」 (public bodies publish dates in JST). */
export function dateJa(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const j = new Date(d.getTime() + 9 * 3600_000);
  return `${j.getUTCFullYear()}年${j.getUTCMonth() + 1}月${j.getUTCDate()}日`;
}

/** 「2026年11月25日 19時47分」 (JST). */
export function dateTimeJa(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const j = new Date(d.getTime() + 9 * 3600_000);
  return `${dateJa(iso)} ${j.getUTCHours()}時${String(j.getUTCMinutes()).padStart(2, '0')}分`;
}

/** ISO date (YYYY-MM-DD) in JST. */
export function isoDateJst(iso: string): string {
  const j = new Date(new Date(iso).getTime() + 9 * 3600_000);
  return j.toISOString().slice(0, 10);
}

/** Japanese fiscal year (April to March) of a date, e.g. 2026 for 2027-02-01. */
export function fiscalYear(iso: string): number {
  const j = new Date(new Date(iso).getTime() + 9 * 3600_000);
  return j.getUTCMonth() < 3 ? j.getUTCFullYear() - 1 : j.getUTCFullYear();
}

/** 令和 year label of a fiscal year: 2026 → 「令和8年度」. */
export function fiscalYearJa(fy: number): string {
  return fy >= 2019 ? `令和${fy - 2018}年度（${fy}年度）` : `${fy}年度`;
}

export function num(n: number): string {
  return n.toLocaleString('ja-JP');
}

export function bytesJa(n: number | null): string {
  if (n == null) return '不明';
  if (n < 1024) return `${n} バイト`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function truncate(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
