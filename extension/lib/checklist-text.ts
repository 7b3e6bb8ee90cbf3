// The words of the teaching checklist (components/jis-checklist.ts): the kit's steps come from
// rules-jis/data/manual-kit.json, these are the panel's own.
import type { AidId } from '../../rules-jis/manual-kit.js';
import type { AidName } from './page-aids.js';

export const CHECKLIST_JA = {
  noAudit: 'まだ検査していません。自動チェックの結果なしで、すべての達成基準を表示しています（保存した判断はそのまま表示されます）。',
  steps: '確かめ方',
  aidButton: (label: string) => `補助ツール「${label}」を表示`,
  keyboardButton: 'キーボードの確認を開く',
  scope: '判断の範囲',
  scopePage: 'このページ',
  scopeSite: 'テンプレート・サイト全体',
  notOnPage: (who: string) => `ページの編集では直せない項目です（テンプレート・サイト全体で決まります。直す担当: ${who}）。`,
  more: (n: number) => `ほか ${n} 手順は「手動確認の手引き」（docs/manual-kit.md）にあります。`,
} as const;

/** The kit's aids (rules-jis/manual-kit.ts AidId) as the panel's aids; contrast is the picker. */
export const KIT_AID_TO_PANEL: Readonly<Record<AidId, AidName | 'contrast'>> = {
  alt: 'alt',
  headings: 'headings',
  landmarks: 'landmarks',
  'tab-order': 'taborder',
  contrast: 'contrast',
};

/** Criteria the live keyboard check (the キーボード tab) gives evidence for. */
export const KEYBOARD_CRITERIA = new Set(['2.1.1', '2.1.2', '2.4.3', '2.4.7']);
