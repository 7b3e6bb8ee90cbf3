// Contrast ratio (WCAG 2.0 1.4.3): pure colour math, used by the in-page picker and tested in Node.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parses the computed-style forms "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "rgb(1 2 3 / 50%)" and #rgb/#rrggbb. */
export function parseColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, (c) => c + c) : hex[1];
    return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16), a: 1 };
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(v);
  if (!m) return null;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  const num = (s: string, scale: number) => (s.endsWith('%') ? (parseFloat(s) / 100) * scale : parseFloat(s));
  const [r, g, b] = parts.slice(0, 3).map((p) => num(p, 255));
  const a = parts[3] !== undefined ? num(parts[3], 1) : 1;
  if ([r, g, b, a].some((x) => Number.isNaN(x))) return null;
  return { r, g, b, a };
}

/** Paints `top` over an opaque `bottom`. */
export function blend(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

export function relativeLuminance(c: Rgba): number {
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}

export function contrastRatio(fg: Rgba, bg: Rgba): number {
  const l1 = relativeLuminance(fg);
  const l2 = relativeLuminance(bg);
  const [hi, lo] = l1 > l2 ? [l1, l2] : [l2, l1];
  return (hi + 0.05) / (lo + 0.05);
}

/** Large text per WCAG 2.0: at least 18pt (24px), or 14pt (18.66px) bold. */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

export interface ContrastVerdict {
  ratio: number;
  /** 1.4.3 (AA) threshold for this text: 4.5 or 3. */
  requiredAA: number;
  /** 1.4.6 (AAA) threshold: 7 or 4.5. */
  requiredAAA: number;
  passAA: boolean;
  passAAA: boolean;
}

export function judgeContrast(ratio: number, large: boolean): ContrastVerdict {
  const requiredAA = large ? 3 : 4.5;
  const requiredAAA = large ? 4.5 : 7;
  // Compare on the rounded figure people see (2 decimals), as WCAG tools do.
  const r = Math.round(ratio * 100) / 100;
  return { ratio: r, requiredAA, requiredAAA, passAA: r >= requiredAA, passAAA: r >= requiredAAA };
}

export function formatColor(c: Rgba): string {
  const h = (n: number) => Math.round(n).toString(16).padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}
