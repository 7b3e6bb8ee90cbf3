// Layering configs (defaults ← file ← command line): plain objects merge key by key, anything else
// (arrays included) replaces, and `undefined` means "not given". Used by crawler/crawl/config.ts and
// crawler/service/config.ts.

/** An object written as `{ … }` (or a module's namespace): merged by key. Arrays, dates and the like replace. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A new object: `parts` merged left to right, later wins. The parts are not changed. */
export function mergeDeep(...parts: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    if (!isPlainObject(part)) continue;
    for (const [k, v] of Object.entries(part)) {
      if (v === undefined) continue;
      out[k] = isPlainObject(v) ? mergeDeep(isPlainObject(out[k]) ? out[k] : {}, v) : Array.isArray(v) ? [...v] : v;
    }
  }
  return out;
}
