// The one way reports/ writes HTML: an `html` tagged template that escapes every value put into it,
// unless the value is itself HTML made here (by `html`, `join`, `lines` or `raw`). Before this, every
// value needed its own esc() call, and one missed call was an XSS in a page the public reads.
// These are server strings for a file; lit's `html` (extension/) renders into a live DOM instead.

/** HTML we built ourselves. Only this module makes one, so any other value reaching a template is text. */
class Html {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}
export type { Html };

/** What a template accepts: HTML, text and numbers (escaped), nothing (null, undefined, false), or a list. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function render(v: HtmlValue): string {
  if (v instanceof Html) return v.toString();
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/** `html\`<p>${text}</p>\``: values are escaped, nested templates kept, lists joined with nothing between. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup we wrote ourselves (the report's CSS): inserted as it is. Never pass it text from a page or a person. */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

/** A list with a separator between its items (the separator is escaped like any value). */
export function join(items: readonly HtmlValue[], separator: HtmlValue): Html {
  return new Html(items.map(render).join(render(separator)));
}

/**
 * One line per part (lists give one line per item); null, undefined and false give no line at all, so a
 * section writes `cond ? html\`…\` : null` for an optional line. An empty string or template is an empty line.
 */
export function lines(...parts: HtmlValue[]): Html {
  const flat = (v: HtmlValue): HtmlValue[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
  return new Html(
    parts
      .flatMap(flat)
      .filter((v) => v !== null && v !== undefined && v !== false)
      .map(render)
      .join('\n'),
  );
}
