// The shapes of the workspace's files as the store keeps them (issue 15): screenshots taken during the crawl,
// evidence a tester uploads, and the record of every content-addressed file (crawler/store/files.ts holds the
// bytes). Apart from types.ts so the workspace's part of the store reads as one piece.

/** The MIME types a stored file may have: the screenshot and evidence images, and a note as text. */
export type StoredFileMime = 'image/webp' | 'image/png' | 'image/jpeg' | 'text/plain; charset=utf-8';

export interface StoredFileInfo {
  sha256: string;
  mime: StoredFileMime;
  bytes: number;
  createdAt: string;
}

/** Where a finding was on the screenshot when it was taken (the picture's pixels, top left origin). */
export interface FindingBox {
  /** The finding's selector, as stored with the finding. */
  selector: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page's screenshot in one run. */
export interface ScreenshotRecord {
  url: string;
  sha256: string;
  /** The picture's size in pixels (1 CSS px = 1 pixel). */
  width: number;
  height: number;
  /** The page's full height in CSS px (larger than `height` when the picture was cut). */
  pageHeight: number;
  boxes: FindingBox[];
  /** Default: now. */
  takenAt?: string;
}

export interface StoredScreenshot extends Required<ScreenshotRecord> {
  runId: number;
}

export type EvidenceKind = 'image' | 'note';

/** What a tester uploads for a page and criterion. */
export interface EvidenceInput {
  sha256: string;
  kind: EvidenceKind;
  pageUrl: string | null;
  criterion: string | null;
  testId: number | null;
  /** The note's text (kind note), kept as text: never HTML. */
  note: string | null;
  /** Who uploaded it (the login). */
  actor: string;
  /** Default: now. */
  createdAt?: string;
}

export interface StoredEvidence extends Required<EvidenceInput> {
  id: number;
  mime: StoredFileMime;
  bytes: number;
}
