// 4.1.2 / 2.4.1: an iframe whose title says nothing of what it holds (「iframe」「無題」「frame1」, its file name, a
// player's default 「YouTube video player」). Screen readers announce the title when they enter the frame, and list
// frames by it. Review: a person names the content. A missing title is axe's frame-title.
import type { JisCheck } from './types.js';
import { frameTitleProblem } from '../text/frame-title.js';

const REASON = { generic: '一般的な語で、埋め込んだ内容を表していません', 'file-name': 'ファイル名で、埋め込んだ内容を表していません', url: 'URL で、埋め込んだ内容を表していません' };

export const rule: JisCheck = {
  id: 'jis-frame-title',
  selector: 'iframe, frame',
  matches: (node) => /\S/.test(node.getAttribute('title') ?? '') && node.getAttribute('aria-hidden') !== 'true' && !/^\s*(presentation|none)\s*$/.test(node.getAttribute('role') ?? ''),
  evaluate(node) {
    const title = (node.getAttribute('title') ?? '').trim();
    const p = frameTitleProblem(title, node.getAttribute('src') ?? '');
    if (!p) return true;
    this.data({ title: title.slice(0, 40), reason: REASON[p] });
    return false;
  },
};
