// 3.1.2: a passage in another language inside the page without its own lang.
import type { JisRule } from '../types.js';
import { TEXT_BLOCK_SELECTOR, effectiveLang, ownText, perDocument } from '../dom/text.js';
import { foreignPassage, langContradiction } from '../text/language.js';

const NAMES: Record<string, string> = { ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語' };

export const rule: JisRule = {
  id: 'jis-lang-passage',
  selector: TEXT_BLOCK_SELECTOR,
  matches: (node) => /\S/.test(ownText(node, { skipLang: true })) && !!effectiveLang(node),
  evaluate(node) {
    const doc = node.ownerDocument;
    const root = doc.documentElement;
    // When the whole page's lang is wrong, jis-lang-mismatch reports it once; do not repeat it per paragraph.
    const pageWrong = perDocument(doc, 'lang-mismatch', () =>
      !!langContradiction(root.getAttribute('lang') ?? '', doc.body?.textContent ?? ''),
    );
    if (pageWrong) return true;
    const found = foreignPassage(ownText(node, { skipLang: true }), effectiveLang(node));
    if (!found) return true;
    this.data({ lang: NAMES[found.lang] ?? found.lang, code: found.lang, passage: found.passage });
    return false;
  },
  criteria: ['3.1.2'],
  failKind: 'review',
  impact: 'moderate',
  messages: {
    description: 'ページの言語と異なる言語の文章に lang 属性が付いているか',
    why: 'スクリーンリーダーは lang 属性がない部分をページの言語で読み上げます。日本語のページの中の英文は日本語の音声でカタカナ読みされ、意味が取れなくなります。',
    help: 'CMS の編集画面で外国語の文章を囲む要素（段落など）を選び、HTML 編集で lang 属性を付けてください（英語なら <p lang="en">…</p>、文中の一部なら <span lang="en">…</span>）。人名・製品名・外来語として定着した語には不要です。',
    fail: '${data.lang}の文章「${data.passage}」に lang 属性がありません。ページの言語と異なる文章なら lang="${data.code}" を付けてください。',
    pass: '他の言語の文章は見つからないか、lang 属性が付いています。',
  },
};
