// What the Node side reads out of a PDF or Office file (crawler/page/documents/), as plain data: the pure
// checks of this folder judge these facts only, so they are tested without any file, and the shapes are the
// contract between the readers (pdfjs-dist, jszip + cheerio) and the rules. No runtime code.

/** The formats the checks know. */
export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'pptx';

/** Where something is in the document, for the message (Japanese: "3 ページ", "スライド 2", "シート「集計」"). */
export type Where = string;

export interface PdfFacts {
  format: 'pdf';
  /** The file name from the URL or path, shown when the title is missing. */
  file: string;
  pages: number;
  /** Pages actually read (a huge PDF is read up to a limit; the checks speak of these only). */
  pagesRead: number;
  /** Title from the document information dictionary or XMP dc:title, trimmed; null when none. */
  title: string | null;
  /** ViewerPreferences /DisplayDocTitle true. */
  displayDocTitle: boolean;
  /** Catalog /Lang, or the lang of the structure tree's top element; null when none. */
  lang: string | null;
  /** MarkInfo /Marked true. */
  marked: boolean;
  /** At least one page has a structure tree. */
  structTree: boolean;
  /** Number of top-level bookmarks (outline items). */
  bookmarks: number;
  encrypted: boolean;
  /** Encrypted and bit 10 (extract for accessibility) not granted; false when not encrypted. */
  accessibilityBlocked: boolean;
  /** 1-based pages with no text at all but at least one raster image (a scan). */
  imageOnlyPages: number[];
  /** 1-based pages with text. */
  textPages: number[];
  /** Figures of the structure tree with neither /Alt nor /ActualText, by page. */
  figuresWithoutAlt: { page: number }[];
  figures: number;
  /** Form widgets: their internal name and whether they have /TU (the name assistive technology reads). */
  fields: { page: number; name: string; described: boolean }[];
  /** Tables of the structure tree (Table), and, by page, the ones with no header cell (TH) anywhere in them. */
  tables: number;
  tablesWithoutHeader: { page: number }[];
  /** Headings of the structure tree (H, H1–H6). */
  headings: number;
  /**
   * Tagged paragraphs whose text starts like a list item (・, ●, (1), 1., ① …) but that sit in no list (L/LI)
   * nor heading or table, by page: a list typed by hand, which a screen reader does not announce as a list.
   */
  listLikeOutsideLists: { page: number }[];
  /** Per tagged page: share of the text outside tagged content, and share of tag order inversions (0–1). */
  order: { page: number; untaggedTextShare: number; inversionShare: number }[];
}

export interface OfficeFacts {
  format: 'docx' | 'xlsx' | 'pptx';
  file: string;
  /** dc:title of docProps/core.xml, trimmed; null when none. */
  title: string | null;
  /** The document's default language (docx w:lang, pptx a:rPr/@lang); null when none; undefined: not applicable (xlsx). */
  lang?: string | null;
  /** Images and drawings that need a text alternative (not marked decorative), and the ones without. */
  images: number;
  imagesWithoutAlt: Where[];
  /** docx tables, and the ones whose first row is no header row. */
  tables: number;
  tablesWithoutHeader: Where[];
  /** xlsx sheet names, in order. */
  sheetNames: string[];
}

export type DocumentFacts = PdfFacts | OfficeFacts;
