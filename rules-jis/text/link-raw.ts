// 2.4.4: link text that is a raw file name (kouhou_2026_04.pdf) or a URL that does not say where it goes
// (https://www.example.lg.jp/soshiki/3/12345.html). A URL that itself names the destination (a site's top,
// a readable path) is fine. Pure: tested in Node.

const FILE_NAME = /^[\w\-.()~%+]+\.(pdf|docx?|xlsx?|pptx?|csv|zip|lzh|txt|rtf|jtd|jtdc|odt|ods|odp|jpe?g|png|gif|mp3|mp4|wav|wmv)$/i;
const URL_TEXT = /^(https?:\/\/|www\.)[^\s　]+$/i;

export type RawLinkText = 'file-name' | 'url' | null;

/** A URL whose text says nothing of the page: a query, a number id in the path, or too long to read. */
export function opaqueUrl(text: string): boolean {
  const t = text.trim();
  if (t.length > 60 || /[?=&]/.test(t)) return true;
  const path = t.replace(/^(https?:\/\/)?[^/]+/i, '');
  return /\d{4,}/.test(path) || /[0-9a-f]{12,}/i.test(path);
}

/** Why a link text is raw (a file name, an opaque URL), or null. */
export function rawLinkText(text: string): RawLinkText {
  const t = text.replace(/\s+/g, ' ').trim();
  if (FILE_NAME.test(t)) return 'file-name';
  if (URL_TEXT.test(t) && opaqueUrl(t)) return 'url';
  return null;
}
