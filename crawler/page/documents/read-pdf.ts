// Reading a PDF into PdfFacts (rules-jis/documents/facts.ts) with pdf.js (pdfjs-dist's legacy build, made for
// Node): metadata, viewer preferences, permissions, outline, and per page the text layer, the structure tree,
// the raster images (only where a page has no text) and the form widgets. Nothing is rendered. Bytes in,
// facts out; a password-protected or broken file throws DocumentReadError with a Japanese message.
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfFacts } from '../../../rules-jis/documents/facts.js';
import { DocumentReadError } from './errors.js';
import { structFacts, textFacts, type StructNode, type TextItemLike } from './pdf-structure.js';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Japanese PDFs with non-embedded fonts need the predefined CMaps (90ms-RKSJ-H …) to give their text. */
const CMAP_URL = path.join(PDFJS_DIR, 'cmaps') + path.sep;
const STANDARD_FONTS = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;

/** Pages read at most (a 2,000-page 議事録 is judged on its first pages; the facts say how many were read). */
export const MAX_PDF_PAGES = 300;

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
/** pdf.js permission flags: copy (bit 5) and extract for accessibility (bit 10). */
const PERM_COPY = 16;
const PERM_ACCESSIBILITY = 512;
const WIDGET = 20;

export interface ReadPdfOptions {
  file: string;
  maxPages?: number;
  /** Aborting destroys the pdf.js task: the caller's deadline. */
  signal?: AbortSignal;
}

/** The facts of one PDF. Throws DocumentReadError when it cannot be opened. */
export async function readPdf(bytes: Uint8Array, opts: ReadPdfOptions): Promise<PdfFacts> {
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes the buffer over (detaches it)
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const abort = () => void task.destroy();
  opts.signal?.addEventListener('abort', abort, { once: true });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      if ((e as Error)?.name === 'PasswordException') throw new DocumentReadError('document-encrypted', 'パスワードで保護されているため開けません。掲載する PDF にはパスワード（文書を開くパスワード）を付けないでください。');
      throw new DocumentReadError('document-unreadable', `PDF として読み取れません（${(e as Error).message}）。壊れているか、PDF ではないファイルです。元のファイルから書き出し直してください。`);
    });
    return await docFacts(doc, opts);
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    await task.destroy().catch(() => {});
  }
}

async function docFacts(doc: PDFDocumentProxy, opts: ReadPdfOptions): Promise<PdfFacts> {
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const xmpTitle = meta?.metadata?.get('dc:title');
  const title = [info.Title, xmpTitle].map((t) => (typeof t === 'string' ? t.trim() : '')).find(Boolean) ?? null;
  const prefs = (await doc.getViewerPreferences().catch(() => null)) as Record<string, unknown> | null;
  const mark = (await doc.getMarkInfo().catch(() => null)) as { Marked?: boolean } | null;
  const perms = await doc.getPermissions().catch(() => null);
  const outline = await doc.getOutline().catch(() => null);
  const encrypted = typeof info.EncryptFilterName === 'string' || perms != null;
  const facts: PdfFacts = {
    format: 'pdf',
    file: opts.file,
    pages: doc.numPages,
    pagesRead: Math.min(doc.numPages, opts.maxPages ?? MAX_PDF_PAGES),
    title,
    displayDocTitle: prefs?.DisplayDocTitle === true,
    lang: typeof info.Language === 'string' && info.Language.trim() ? info.Language.trim() : null,
    marked: mark?.Marked === true,
    structTree: false,
    bookmarks: outline?.length ?? 0,
    encrypted,
    accessibilityBlocked: perms != null && !perms.includes(PERM_COPY) && !perms.includes(PERM_ACCESSIBILITY),
    imageOnlyPages: [],
    textPages: [],
    figuresWithoutAlt: [],
    figures: 0,
    fields: [],
    order: [],
    tables: 0,
    tablesWithoutHeader: [],
    headings: 0,
    listLikeOutsideLists: [],
  };
  const fieldNames = new Set<string>();
  for (let n = 1; n <= facts.pagesRead; n++) {
    opts.signal?.throwIfAborted();
    const page = await doc.getPage(n);
    await pageFacts(page, n, facts, fieldNames);
    page.cleanup();
  }
  return facts;
}

async function pageFacts(page: PDFPageProxy, n: number, facts: PdfFacts, fieldNames: Set<string>): Promise<void> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const text = textFacts(content.items as TextItemLike[]);
  if (text.chars > 0) facts.textPages.push(n);
  else if (await hasRasterImage(page)) facts.imageOnlyPages.push(n);
  const tree = (await page.getStructTree().catch(() => null)) as StructNode | null;
  if (tree?.children?.length) {
    facts.structTree = true;
    const s = structFacts(tree, text);
    facts.lang ??= s.lang;
    facts.figures += s.figures;
    for (let i = 0; i < s.figuresWithoutAlt; i++) facts.figuresWithoutAlt.push({ page: n });
    facts.tables += s.tables;
    for (let i = 0; i < s.tablesWithoutHeader; i++) facts.tablesWithoutHeader.push({ page: n });
    facts.headings += s.headings;
    for (let i = 0; i < s.listLikeOutsideLists; i++) facts.listLikeOutsideLists.push({ page: n });
    if (text.chars > 0) facts.order.push({ page: n, untaggedTextShare: s.untaggedTextShare, inversionShare: s.inversionShare });
  }
  const annots = (await page.getAnnotations().catch(() => [])) as { annotationType: number; fieldName?: string; alternativeText?: string; hidden?: boolean }[];
  for (const a of annots) {
    if (a.annotationType !== WIDGET || a.hidden || !a.fieldName || fieldNames.has(a.fieldName)) continue;
    fieldNames.add(a.fieldName); // radio buttons: one field, several widgets
    facts.fields.push({ page: n, name: a.fieldName, described: !!a.alternativeText?.trim() });
  }
}

async function hasRasterImage(page: PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  return ops.fnArray.some((op) => IMAGE_OPS.has(op));
}
