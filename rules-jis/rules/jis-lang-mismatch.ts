// 3.1.1: the page's lang says one language, its text is clearly in another.
import type { JisRule } from '../types.js';
import { langContradiction, primaryLang } from '../text/language.js';

const NAMES: Record<string, string> = { ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語' };

/** Body text without scripts and without parts that declare their own, different language. */
function pageText(doc: Document, declared: string): string {
  let out = '';
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(e.tagName)) continue;
        const l = e.getAttribute('lang');
        if (l !== null && primaryLang(l) !== primaryLang(declared)) continue;
        out += ' ';
        walk(e);
      }
    }
  };
  if (doc.body) walk(doc.body);
  return out;
}

export const rule: JisRule = {
  id: 'jis-lang-mismatch',
  selector: 'html',
  matches: (node) => !!(node.getAttribute('lang') ?? '').trim(),
  evaluate(node) {
    const declared = node.getAttribute('lang') ?? '';
    const found = langContradiction(declared, pageText(node.ownerDocument, declared));
    if (!found) return true;
    this.data({ declared, found: NAMES[found] ?? found, foundCode: found });
    return false;
  },
  criteria: ['3.1.1'],
  failKind: 'violation',
  impact: 'serious',
  messages: {
    description: 'html 要素の lang 属性が、ページ本文の言語と合っているか',
    why: 'スクリーンリーダーは lang 属性を見て読み上げの言語（音声エンジン）を切り替えます。日本語のページに lang="en" とあると日本語が英語の発音規則で読まれ、まったく聞き取れません。点字ディスプレイや翻訳・ふりがなツールも言語を取り違えます。',
    help: 'CMS のページ設定（またはテンプレート）で、ページの言語を本文の言語に合わせてください。日本語のページは <html lang="ja">、英語のページは <html lang="en"> です。外国語版ページを日本語版テンプレートから複製した場合に起こりやすいので、言語別テンプレートの設定を確認してください。',
    fail: 'lang="${data.declared}" と宣言されていますが、本文はほぼ${data.found}で書かれています。',
    pass: 'lang 属性は本文の言語と合っています。',
  },
};
