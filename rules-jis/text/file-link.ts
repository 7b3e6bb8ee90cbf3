// Advisories for links: a file (PDF/Word/Excel…) without its format and size in the text, and a link
// that opens a new window without saying so. Both are みんなの公共サイト運用ガイドライン practice.
const FILE_TYPES: [RegExp, string, RegExp][] = [
  [/\.pdf$/i, 'PDF', /pdf/i],
  [/\.docx?$/i, 'Word', /word|ワード|docx?|文書ファイル/i],
  [/\.xlsx?$/i, 'Excel', /excel|エクセル|xlsx?/i],
  [/\.pptx?$/i, 'PowerPoint', /powerpoint|パワーポイント|pptx?/i],
  [/\.(odt|ods|odp)$/i, 'OpenDocument', /odt|ods|odp|opendocument|オープンドキュメント/i],
  [/\.(zip|lzh)$/i, 'ZIP', /zip|lzh|圧縮/i],
];
const SIZE = /[0-9０-９][0-9０-９,，.．]*\s*(kb|mb|gb|ｋｂ|ｍｂ|ｇｂ|キロバイト|メガバイト|バイト|byte|bytes|kバイト|mバイト|k|m)(?![a-z])/i;
const NEW_WINDOW = /ウィンドウ|ウインドウ|ウィンドー|タブ|window|tab|別画面|新しい画面/i;

/** The file format a link target has ('PDF', 'Word'…) or null for a web page. */
export function fileTypeOfHref(href: string): string | null {
  const path = href.split(/[?#]/)[0];
  for (const [re, name] of FILE_TYPES) if (re.test(path)) return name;
  return null;
}

/** What a file link's text (link text plus the words right after it) fails to say. */
export function missingFileInfo(href: string, text: string): { type: string; format: boolean; size: boolean } | null {
  const type = fileTypeOfHref(href);
  if (!type) return null;
  const entry = FILE_TYPES.find(([, n]) => n === type)!;
  const format = entry[2].test(text);
  const size = SIZE.test(text.replace(/\s+/g, ''));
  if (format && size) return null;
  return { type, format, size };
}

export function mentionsNewWindow(text: string): boolean {
  return NEW_WINDOW.test(text);
}
