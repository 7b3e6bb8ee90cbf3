// 1.3.1: a table drawn with spaces or tabs instead of a <table>.
import type { JisRule } from '../types.js';
import { ownText } from '../dom/text.js';
import { looksLikeTextTable } from '../text/text-table.js';

export const rule: JisRule = {
  id: 'jis-text-table',
  selector: 'pre, p, div, td, li, dd, blockquote',
  matches: (node) => node.tagName === 'PRE' || node.querySelectorAll(':scope > br, :scope > span > br').length >= 2,
  evaluate(node) {
    const pre = node.tagName === 'PRE';
    const lines = pre ? (node.textContent ?? '').split(/\r?\n/) : ownText(node).split('\n');
    if (!looksLikeTextTable(lines, pre)) return true;
    this.data({ rows: lines.filter((l) => l.trim()).length });
    return false;
  },
  criteria: ['1.3.1'],
  failKind: 'review',
  impact: 'serious',
  messages: {
    description: '空白やタブで桁を揃えて、表のように見せていないか',
    why: '空白で桁を揃えた「表」は、スクリーンリーダーでは一行ずつの長い文として読まれ、どの値がどの見出しの列に属するかが伝わりません。拡大表示や狭い画面では列がずれて読めなくなります。',
    help: 'CMS の「表の挿入」機能で表（table）を作り、1行目または1列目を見出しセル（th）に設定してください。空白・タブで揃えた行は削除します。表にするほどでない場合は、「項目：内容」の形の箇条書きにしてください。',
    fail: '空白やタブで桁を揃えた表のような行が ${data.rows} 行あります。表の機能で作られていないか確認してください。',
    pass: '空白で揃えた表は見つかりません。',
  },
};
