// Submitted HTML arrives as bytes in whatever encoding the CMS stores (many older municipal pages are
// Shift_JIS or EUC-JP). Decode them as a browser would (WHATWG encoding sniffing, simplified): a BOM wins,
// then the encoding the caller declared, then `<meta charset>` / `<meta http-equiv="Content-Type">` in the
// first 1024 bytes, then UTF-8. The caller then serves the text as UTF-8, so the page renders as intended
// and the 4.1.1 source check reads the same characters.
//
// Minimal version written by the service front door (issue 21 case 10, HTTP half) for `htmlBase64`; the
// `check` engineer owns this file and may replace its body, keeping the signature.

export interface DecodedHtml {
  html: string;
  /** The WHATWG name of the encoding used, e.g. "shift_jis", "euc-jp", "utf-8". */
  encoding: string;
}

/** Throws a RangeError (Japanese message) for a label no browser knows. */
export function encodingFor(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new RangeError(`文字コード「${label}」は使えません（例: UTF-8, Shift_JIS, EUC-JP, ISO-2022-JP）。`);
  }
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset named by a `<meta>` in the first 1024 bytes (ASCII-compatible encodings only, as browsers do). */
function metaEncoding(b: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024)).replace(/<!--[\s\S]*?-->/g, '');
  for (const m of head.matchAll(/<meta\b([^>]*)>/gi)) {
    const attrs = m[1];
    const direct = /\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(attrs);
    const isContentType = /\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(attrs);
    const label = direct && !/\bcontent\s*=/i.test(attrs.slice(0, direct.index)) ? direct[1] : isContentType ? /charset\s*=\s*["']?([^\s"';>]+)/i.exec(attrs)?.[1] : undefined;
    if (!label) continue;
    try {
      const enc = new TextDecoder(label).encoding;
      // A meta that claims UTF-16 cannot be right (it was read as ASCII): the standard says UTF-8.
      return enc.startsWith('utf-16') ? 'utf-8' : enc;
    } catch {
      continue;
    }
  }
  return null;
}

export function decodeSubmittedHtml(bytes: Uint8Array, declared?: string): DecodedHtml {
  const bom = bomEncoding(bytes);
  const encoding = bom ?? (declared ? encodingFor(declared) : null) ?? metaEncoding(bytes) ?? 'utf-8';
  // TextDecoder drops a BOM that matches its encoding and replaces undecodable bytes with U+FFFD, as browsers do.
  return { html: new TextDecoder(encoding).decode(bytes), encoding };
}
