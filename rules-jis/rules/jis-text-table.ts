// 1.3.1: a table drawn with spaces or tabs instead of a <table>.
import type { JisCheck } from './types.js';
import { ownText } from '../dom/text.js';
import { looksLikeTextTable } from '../text/text-table.js';

export const rule: JisCheck = {
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
};
