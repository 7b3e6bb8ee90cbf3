// Dates and durations in Japanese conventions for the web app: 2026年11月30日 21:49 (JST), 「約 3 分」.
import { jaDate, jstDate } from '../rules-jis/test-period.js';

const time = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as 2026年11月30日 21:49 (JST); an empty or bad value as 「—」. */
export function jaDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  try {
    return `${jaDate(jstDate(iso))} ${time.format(new Date(iso))}`;
  } catch {
    return iso;
  }
}

/** A YYYY-MM-DD date (or an instant) as 2026年11月30日. */
export function jaDay(s: string | null | undefined): string {
  if (!s) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return jaDate(s);
  try {
    return jaDate(jstDate(s));
  } catch {
    return s;
  }
}

/** Seconds left as 「約 12 分」「約 2 時間 5 分」「1 分未満」. */
export function jaDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return '1 分未満';
  const m = Math.round(seconds / 60);
  if (m < 60) return `約 ${m} 分`;
  return `約 ${Math.floor(m / 60)} 時間 ${m % 60} 分`;
}
