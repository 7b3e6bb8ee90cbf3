// What a contrast measurement means under WCAG 2.0 1.4.3 / 1.4.6: large text, the thresholds, pass or
// not on the rounded figure people see. Pure (no DOM, no axe): the measure is rules-jis/page/contrast.ts,
// the panel shows the report (extension/components/jis-aids.ts).

export interface ContrastReport {
  selector: string;
  html: string;
  text: string;
  foreground: string;
  background: string;
  ratio: number;
  large: boolean;
  fontSizePx: number;
  fontWeight: number;
  requiredAA: number;
  passAA: boolean;
  passAAA: boolean;
  /** The background could not be known for sure (image, gradient, overlap): a person must look. */
  uncertain: boolean;
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

/** Large text per WCAG 2.0: at least 18pt (24px), or 14pt (18.66px) bold. */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

export function judgeContrast(ratio: number, large: boolean): ContrastVerdict {
  const requiredAA = large ? 3 : 4.5;
  const requiredAAA = large ? 4.5 : 7;
  // Compare on the rounded figure people see (2 decimals), as WCAG tools do.
  const r = Math.round(ratio * 100) / 100;
  return { ratio: r, requiredAA, requiredAAA, passAA: r >= requiredAA, passAAA: r >= requiredAAA };
}
