// The one sentence of the 試験結果 that says how the pages were chosen and how many (JB.3.1), from the parts
// of a selection; the same words whether the selection was made on the fly or read from a test's store.
import type { SelectionMethod } from './types.js';

export interface DescribeInput {
  method: SelectionMethod;
  population: number;
  representative: number;
  random: number;
  total: number;
  seed: string | null;
}

export function describeSelection(d: DescribeInput): string {
  const seed = d.seed ? `、乱数の種: ${d.seed}` : '';
  switch (d.method) {
    case 'all':
      return `対象となるウェブページすべて（${d.total} ページ）`;
    case 'random':
      return `対象となるウェブページ ${d.population} ページから、ランダムに ${d.random} ページを選択${d.seed ? `（乱数の種: ${d.seed}）` : ''}`;
    case 'representative':
      return `ウェブページ一式を代表するページ ${d.representative} ページを選択（トップページ、フォームのあるページ、ページの種類ごとの代表など。対象 ${d.population} ページ）`;
    case 'representative-random':
      return `代表ページ ${d.representative} ページ及び、残る ${d.population - d.representative} ページからランダムに選択した ${d.random} ページ（計 ${d.total} ページ${seed}）`;
  }
}
