// Dates, eras and numbers as the reports print them (reports/format.ts): Japan time whatever the machine's
// time zone, and the era of the Japanese calendar from Intl (with 元年 for an era's first year).
import { describe, expect, it } from 'vitest';
import { bytesJa, dateJa, dateTimeJa, fiscalYear, fiscalYearJa, isoDateJst, monthDayJa, num, truncate } from '../../reports/format.js';

describe('dates in Japan time', () => {
  it('dateJa and monthDayJa print the JST calendar day', () => {
    expect(dateJa('2026-11-25T10:47:00Z')).toBe('2026年11月25日');
    // 15:30 UTC is the next day in Japan
    expect(dateJa('2026-12-31T15:30:00Z')).toBe('2027年1月1日');
    expect(monthDayJa('2026-03-04T00:00:00Z')).toBe('3月4日');
    expect(dateJa('2026-12-01')).toBe('2026年12月1日');
  });

  it('dateJa and dateTimeJa keep what is not a date, and print — for nothing', () => {
    expect(dateJa(null)).toBe('—');
    expect(dateJa(undefined)).toBe('—');
    expect(dateJa('')).toBe('—');
    expect(dateJa('いつか')).toBe('いつか');
    expect(dateTimeJa(null)).toBe('—');
    expect(dateTimeJa('いつか')).toBe('いつか');
  });

  it('dateTimeJa prints 24-hour time with two-digit minutes', () => {
    expect(dateTimeJa('2026-11-25T10:47:00Z')).toBe('2026年11月25日 19時47分');
    expect(dateTimeJa('2026-11-25T15:05:00Z')).toBe('2026年11月26日 0時05分');
    expect(dateTimeJa('2026-11-25T14:59:59Z')).toBe('2026年11月25日 23時59分');
  });

  it('isoDateJst gives the JST day as YYYY-MM-DD', () => {
    expect(isoDateJst('2026-11-25T10:47:00Z')).toBe('2026-11-25');
    expect(isoDateJst('2026-03-31T15:00:00Z')).toBe('2026-04-01');
    expect(isoDateJst('2027-01-05T00:00:00+09:00')).toBe('2027-01-05');
  });
});

describe('fiscal years (年度)', () => {
  it('April to March, in Japan time', () => {
    expect(fiscalYear('2027-02-01T00:00:00Z')).toBe(2026);
    expect(fiscalYear('2026-03-31T14:59:59Z')).toBe(2025);
    // 15:00 UTC on 31 March is 1 April in Japan: the new fiscal year
    expect(fiscalYear('2026-03-31T15:00:00Z')).toBe(2026);
  });

  it('prints the era from Intl, with 元年 for the first year of an era', () => {
    expect(fiscalYearJa(2026)).toBe('令和8年度（2026年度）');
    expect(fiscalYearJa(2020)).toBe('令和2年度（2020年度）');
    // FY2019 began under 平成 (April 2019) and is named 令和元年度
    expect(fiscalYearJa(2019)).toBe('令和元年度（2019年度）');
    expect(fiscalYearJa(2018)).toBe('平成30年度（2018年度）');
    expect(fiscalYearJa(1989)).toBe('平成元年度（1989年度）');
    expect(fiscalYearJa(1988)).toBe('昭和63年度（1988年度）');
  });
});

describe('numbers and text', () => {
  it('num groups digits, bytesJa picks a unit, truncate ends with …', () => {
    expect(num(12345)).toBe('12,345');
    expect(bytesJa(null)).toBe('不明');
    expect(bytesJa(512)).toBe('512 バイト');
    expect(bytesJa(1536)).toBe('1.5 KB');
    expect(bytesJa(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(truncate('あいうえお', 5)).toBe('あいうえお');
    expect(truncate('あいうえおか', 5)).toBe('あいうえ…');
  });
});
