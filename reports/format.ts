// Small formatting helpers shared by the HTML, CSV and XLSX writers. Dates are printed in Japan time
// (public bodies publish dates in JST) through Intl, whatever the time zone of the machine.
import type { ClaimStatus } from '../rules-jis/verdict.js';

/** The CSS class (reports/layout.ts) of a criterion's result: met, failed, or still open for a person. */
export const STATUS_CLASS: Record<ClaimStatus, 'pass' | 'fail' | 'review'> = { met: 'pass', failed: 'fail', open: 'review' };

const TIME_ZONE = 'Asia/Tokyo';
const DATE_JA = new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' });
const MONTH_DAY_JA = new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, month: 'long', day: 'numeric' });
const PARTS = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
// the era of the Japanese calendar: 「令和8年」, and 「令和元年」 for the first year of an era
const ERA_YEAR_JA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: TIME_ZONE, era: 'long', year: 'numeric' });

/** A valid Date of an ISO string, or null. */
function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The JST calendar fields of a date as numbers. */
function jst(d: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const p = Object.fromEntries(PARTS.formatToParts(d).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute) };
}

/** Date in Japan time as 「2026年11月25日」; 「—」 when there is none. */
export function dateJa(iso: string | null | undefined): string {
  const d = parseDate(iso);
  return d ? DATE_JA.format(d) : iso ? String(iso) : '—';
}

/** Month and day in Japan time as 「11月25日」 (the axis labels of the trend charts). */
export function monthDayJa(iso: string | null | undefined): string {
  const d = parseDate(iso);
  return d ? MONTH_DAY_JA.format(d) : iso ? String(iso) : '—';
}

/** 「2026年11月25日 19時47分」 (JST). */
export function dateTimeJa(iso: string | null | undefined): string {
  const d = parseDate(iso);
  if (!d) return iso ? String(iso) : '—';
  const t = jst(d);
  return `${DATE_JA.format(d)} ${t.hour}時${String(t.minute).padStart(2, '0')}分`;
}

/** ISO date (YYYY-MM-DD) in JST. */
export function isoDateJst(iso: string): string {
  const t = jst(new Date(iso));
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** Japanese fiscal year (April to March) of a date, e.g. 2026 for 2027-02-01. */
export function fiscalYear(iso: string): number {
  const t = jst(new Date(iso));
  return t.month < 4 ? t.year - 1 : t.year;
}

/**
 * A fiscal year with its era name, as public bodies print it: 2026 → 「令和8年度（2026年度）」,
 * 2019 → 「令和元年度（2019年度）」. A 年度 is named by the era of its calendar year as that year ends
 * (FY2019 began under 平成 and is 令和元年度; FY1988 is 昭和63年度).
 */
export function fiscalYearJa(fy: number): string {
  const eraYear = ERA_YEAR_JA.format(new Date(Date.UTC(fy, 11, 31, 3)));
  return `${eraYear}度（${fy}年度）`;
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
