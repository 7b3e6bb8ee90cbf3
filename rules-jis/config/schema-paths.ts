// Reading a config schema (schema/*.schema.json) as a map of the config's shape: which dotted paths
// exist, the sub-schema at a path, and the values marked `"x-path": true` (file paths, which
// crawler/crawl/config.ts and crawler/service/config.ts resolve against the config file's folder).
// Only local `$ref`s (#/$defs/…) are followed: the config schemas use no others.

/** The parts of a JSON Schema these helpers read (the schema files may carry more). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  /** Ours: the value is a file path, relative to the config file it is written in. */
  'x-path'?: boolean;
  [keyword: string]: unknown;
}

/** Follows a local `$ref` of `node` against `root`; other nodes come back as they are. */
export function deref(root: JsonSchema, node: JsonSchema): JsonSchema {
  let n = node;
  for (let hops = 0; n.$ref && hops < 10; hops++) {
    const m = /^#\/\$defs\/(.+)$/.exec(n.$ref);
    const target = m ? root.$defs?.[m[1]] : undefined;
    if (!target) throw new Error(`unsupported $ref in a config schema: ${n.$ref}`);
    const { $ref: _ref, ...rest } = n;
    n = { ...target, ...rest };
  }
  return n;
}

/** The sub-schema at a dotted path ("scope.maxPages"), or undefined when the schema has no such key. */
export function schemaAt(root: JsonSchema, dotted: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of dotted.split('.')) {
    const props: Record<string, JsonSchema> | undefined = node ? deref(root, node).properties : undefined;
    node = props && Object.hasOwn(props, key) ? props[key] : undefined;
    if (!node) return undefined;
  }
  return node && deref(root, node);
}

/** Every named key of the schema as a dotted path ("scope", "scope.maxPages", …), array items skipped. */
export function schemaPaths(root: JsonSchema, node: JsonSchema = root, prefix = ''): string[] {
  const props = deref(root, node).properties ?? {};
  return Object.entries(props).flatMap(([key, sub]) => {
    const p = prefix ? `${prefix}.${key}` : key;
    return [p, ...schemaPaths(root, sub, p)];
  });
}

/**
 * A copy of `data` in which every string the schema marks `"x-path": true` went through `fn`
 * (inside objects and arrays alike). Values of the wrong type are left for validation to report.
 */
export function mapPathValues<T>(root: JsonSchema, data: T, fn: (value: string) => string, node: JsonSchema = root): T {
  const s = deref(root, node);
  if (s['x-path'] && typeof data === 'string') return fn(data) as T;
  if (Array.isArray(data)) return (s.items ? data.map((d) => mapPathValues(root, d, fn, s.items!)) : data) as T;
  if (data && typeof data === 'object' && s.properties) {
    const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    for (const [k, sub] of Object.entries(s.properties)) if (out[k] !== undefined) out[k] = mapPathValues(root, out[k], fn, sub);
    return out as T;
  }
  return data;
}
