// An HTML document's bytes read as a browser reads them. Many older municipal pages are Shift_JIS or
// EUC-JP; read as UTF-8 they are garbled and the 4.1.1 check sees other text than the browser (issue 21
// case 10). The encoding is sniffed by the WHATWG rules (encoding-sniffer, cheerio's): BOM first, then the
// caller's override or the transport's charset, then `<meta charset>` / `http-equiv` in the first 1024
// bytes. A page that declares nothing is read as UTF-8 when it is valid UTF-8, otherwise as the Japanese
// encoding it decodes best in (a browser in a Japanese locale defaults to Shift_JIS and guesses too).
// Decoding is the platform's TextDecoder (WHATWG Encoding Standard, as in the browser). Bytes that are not
// text at all (NUL bytes, mostly control characters) are refused: a binary file named .html is not a page.
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';

/** Where the encoding came from: a byte-order mark, the caller (option or HTTP), the page's meta, or a guess. */
export type EncodingSource = 'bom' | 'declared' | 'meta' | 'guess';

export interface DecodedHtml {
  html: string;
  /** The WHATWG name of the encoding, lower case as TextDecoder gives it (`shift_jis`, `euc-jp`, `utf-8`). */
  encoding: string;
  from: EncodingSource;
}

export interface SniffOptions {
  /** The user's choice (`--encoding`, the API's field): wins over everything but a BOM. */
  override?: string;
  /** The charset of the HTTP Content-Type: wins over the page's meta. */
  transport?: string;
}

/** Why bytes cannot be read as HTML: a label no browser knows, or not text at all. */
export class HtmlBytesError extends Error {
  constructor(
    public reason: 'unknown-encoding' | 'binary',
    message: string,
  ) {
    super(message);
    this.name = 'HtmlBytesError';
  }
}

/** The WHATWG name for an encoding label (`Shift-JIS`, `sjis`, `EUC-JP`, …), or undefined for an unknown label. */
export function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

export function unknownEncodingMessage(label: string): string {
  return `文字コード「${label}」は扱えません。shift_jis、euc-jp、utf-8 などの名前で指定してください。`;
}

/** How far the undeclared guess and the binary check look (the whole page is not needed for either). */
const PROBE_BYTES = 64 * 1024;
const GUESSES = ['utf-8', 'euc-jp', 'shift_jis'];

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** For a page that declares nothing: valid UTF-8, else the Japanese encoding with the fewest undecodable bytes. */
function guessEncoding(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, PROBE_BYTES);
  let best = GUESSES[0];
  let fewest = Infinity;
  for (const enc of GUESSES) {
    const bad = countReplacements(new TextDecoder(enc).decode(probe));
    if (bad === 0) return enc;
    if (bad < fewest) [best, fewest] = [enc, bad];
  }
  return best;
}

const SOURCES: Partial<Record<ResultType, EncodingSource>> = {
  [ResultType.BOM]: 'bom',
  [ResultType.PASSED]: 'declared',
  [ResultType.META_TAG]: 'meta',
  [ResultType.XML_ENCODING]: 'meta',
  [ResultType.XML_PREFIX]: 'meta',
};

/** The encoding a browser would use for these bytes. Throws HtmlBytesError for an unknown override label. */
export function sniffEncoding(bytes: Uint8Array, opts: SniffOptions = {}): { encoding: string; from: EncodingSource } {
  if (opts.override !== undefined && !encodingName(opts.override)) throw new HtmlBytesError('unknown-encoding', unknownEncodingMessage(opts.override));
  const transport = opts.transport && encodingName(opts.transport) ? opts.transport : undefined;
  const userEncoding = opts.override ?? transport;
  const sniffer = new Sniffer({ userEncoding, defaultEncoding: undefined });
  sniffer.write(bytes.subarray(0, 1024));
  const from = SOURCES[sniffer.resultType];
  const name = from ? encodingName(sniffer.encoding) : undefined;
  // a label TextDecoder lacks (x-user-defined) or nothing declared: guess as a Japanese-locale browser would
  if (!from || !name) return { encoding: guessEncoding(bytes), from: 'guess' };
  return { encoding: name, from };
}

/** Why these decoded bytes are not text, or null. */
function binaryReason(bytes: Uint8Array, encoding: string, text: string): string | null {
  if (!encoding.startsWith('utf-16') && bytes.indexOf(0) !== -1) return 'NUL 文字（0x00）を含んでいます';
  const probe = text.slice(0, PROBE_BYTES);
  let odd = 0;
  for (let i = 0; i < probe.length; i++) {
    const c = probe.charCodeAt(i);
    // C0 controls other than tab, newlines, form feed and ESC (ISO-2022-JP), and undecodable bytes
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0xfffd) odd++;
  }
  if (probe.length && odd / probe.length > 0.3) return `${encoding} として読めない文字が ${Math.round((odd / probe.length) * 100)}% あります`;
  return null;
}

/**
 * Decodes an HTML document's bytes as a browser would. Throws HtmlBytesError for an unknown override
 * label ('unknown-encoding') and for bytes that are not text ('binary'); `name` (a file name or URL) goes
 * into the Japanese message.
 */
export function decodeHtmlBytes(bytes: Uint8Array, opts: SniffOptions & { name?: string } = {}): DecodedHtml {
  const { encoding, from } = sniffEncoding(bytes, opts);
  const html = new TextDecoder(encoding).decode(bytes); // strips a BOM of the same encoding
  const why = binaryReason(bytes, encoding, html);
  if (why) throw new HtmlBytesError('binary', `${opts.name ? `${opts.name} は ` : ''}HTML ではありません（${why}）。画像やファイルが .html の名前で保存されていないか確かめてください。`);
  return { html, encoding, from };
}

