// Reading a docx, xlsx or pptx (a zip of XML parts, ECMA-376) into OfficeFacts (rules-jis/documents/facts.ts)
// with jszip and cheerio's XML mode: no Office install. Only the parts the checks need are inflated, each up to
// MAX_PART_BYTES (a zip bomb is refused, not inflated). Bytes in, facts out; DocumentReadError when broken.
import * as cheerio from 'cheerio';
import JSZip from 'jszip';
import type { OfficeFacts } from '../../../rules-jis/documents/facts.js';
import { DocumentReadError } from './errors.js';

/** An XML part larger than this once inflated is refused (a 10 MB file inflating to gigabytes). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

type Xml = cheerio.CheerioAPI;
type OfficeFormat = OfficeFacts['format'];

class Parts {
  constructor(private zip: JSZip) {}

  names(re: RegExp): string[] {
    return Object.keys(this.zip.files).filter((n) => re.test(n)).sort(byNumber);
  }

  async xml(name: string): Promise<Xml | null> {
    const f = this.zip.file(name);
    if (!f) return null;
    const size = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > MAX_PART_BYTES) throw new DocumentReadError('too-large', `文書の中の ${name} が展開すると ${Math.round(size / 1048576)} MB を超えるため、読み取りを中止しました。`);
    return cheerio.load(await f.async('string'), { xml: true });
  }
}

/** slide2.xml before slide10.xml. */
function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

type El = ReturnType<Xml>;
const attr = (el: El, name: string) => (el.attr(name) ?? '').trim();

/** A drawing marked decorative in Office (a:extLst … adec:decorative val="1"). */
function decorative($: Xml, el: El): boolean {
  return el.find('adec\\:decorative').toArray().some((d) => ['1', 'true'].includes($(d).attr('val') ?? ''));
}

/** The facts of one Office file. Throws DocumentReadError when it is no readable zip of that format. */
export async function readOffice(bytes: Uint8Array, format: OfficeFormat, file: string): Promise<OfficeFacts> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocumentReadError('document-unreadable', `Office 文書（zip）として読み取れません（${(e as Error).message}）。壊れているか、パスワード付きのファイルです。パスワードを外して保存し直してください。`);
  }
  const parts = new Parts(zip);
  const core = await parts.xml('docProps/core.xml');
  const facts: OfficeFacts = { format, file, title: core ? core('dc\\:title').first().text().trim() || null : null, images: 0, imagesWithoutAlt: [], tables: 0, tablesWithoutHeader: [], sheetNames: [] };
  if (format === 'docx') await readDocx(parts, facts);
  else if (format === 'pptx') await readPptx(parts, facts);
  else await readXlsx(parts, facts);
  return facts;
}

async function readDocx(parts: Parts, facts: OfficeFacts): Promise<void> {
  const doc = await parts.xml('word/document.xml');
  if (!doc) throw new DocumentReadError('document-unreadable', 'Word 文書の本文（word/document.xml）がありません。Word で開いて保存し直してください。');
  const styles = await parts.xml('word/styles.xml');
  const langOf = ($: Xml | null) => ($ ? $('w\\:lang').toArray().map((e) => $(e).attr('w:eastAsia') || $(e).attr('w:val') || '').find(Boolean) : undefined);
  facts.lang = langOf(styles) || langOf(doc) || null;
  doc('wp\\:docPr').each((i, el) => {
    const d = doc(el);
    if (decorative(doc, d)) return;
    facts.images++;
    if (!attr(d, 'descr')) facts.imagesWithoutAlt.push(`${i + 1} 番目の図（${attr(d, 'name') || '名前なし'}）`);
  });
  doc('w\\:tbl').each((i, el) => {
    facts.tables++;
    const first = doc(el).children('w\\:tr').first();
    const header = first.children('w\\:trPr').children('w\\:tblHeader');
    const on = header.length > 0 && !['0', 'false', 'off'].includes(header.attr('w:val') ?? '');
    if (!on) facts.tablesWithoutHeader.push(`${i + 1} 番目の表`);
  });
}

async function readPptx(parts: Parts, facts: OfficeFacts): Promise<void> {
  const slides = parts.names(/^ppt\/slides\/slide\d+\.xml$/);
  if (!slides.length && !parts.names(/^ppt\/presentation\.xml$/).length) throw new DocumentReadError('document-unreadable', 'PowerPoint のプレゼンテーション（ppt/presentation.xml）がありません。PowerPoint で開いて保存し直してください。');
  const pres = await parts.xml('ppt/presentation.xml');
  let lang = pres ? pres('a\\:defRPr[lang]').first().attr('lang') || '' : '';
  for (const [i, name] of slides.entries()) {
    const s = (await parts.xml(name))!;
    lang ||= s('a\\:rPr[lang], a\\:endParaRPr[lang]').first().attr('lang') || '';
    s('p\\:pic').each((_, el) => {
      const pr = s(el).find('p\\:cNvPr').first();
      if (decorative(s, pr)) return;
      facts.images++;
      if (!attr(pr, 'descr')) facts.imagesWithoutAlt.push(`スライド ${i + 1}（${attr(pr, 'name') || '名前なし'}）`);
    });
  }
  facts.lang = lang || null;
}

async function readXlsx(parts: Parts, facts: OfficeFacts): Promise<void> {
  const wb = await parts.xml('xl/workbook.xml');
  if (!wb) throw new DocumentReadError('document-unreadable', 'Excel ブックの本体（xl/workbook.xml）がありません。Excel で開いて保存し直してください。');
  facts.sheetNames = wb('sheet').toArray().map((e) => wb(e).attr('name') ?? '');
  for (const name of parts.names(/^xl\/drawings\/drawing\d+\.xml$/)) {
    const d = (await parts.xml(name))!;
    d('xdr\\:pic').each((_, el) => {
      const pr = d(el).find('xdr\\:cNvPr').first();
      if (decorative(d, pr)) return;
      facts.images++;
      if (!attr(pr, 'descr')) facts.imagesWithoutAlt.push(`図「${attr(pr, 'name') || '名前なし'}」（${name.replace(/^xl\/drawings\//, '')}）`);
    });
  }
}
