// Offering a file the panel made as a download (an object URL on a temporary link). Where object URLs are
// missing (component tests under happy-dom) nothing is offered; the panel keeps the last file for its tests.
export interface MadeFile {
  name: string;
  type: string;
  data: string | Uint8Array;
}

export function offerDownload(file: MadeFile): void {
  const blob = new Blob([file.data as BlobPart], { type: file.type });
  const a = document.createElement('a');
  a.download = file.name;
  try {
    a.href = URL.createObjectURL(blob);
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch {
    /* no object URLs (tests) */
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
