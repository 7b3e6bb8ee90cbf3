// The service config's `workspace` part (schema/service-config.schema.json): defaults, and the mistakes told in
// Japanese naming the key — a trusted header without the proxies allowed to set it would let anyone name
// anyone, so it is refused before the service starts.
import { describe, expect, it } from 'vitest';
import { mergeServiceConfig, validateServiceConfig } from '../../crawler/service/config.js';

const base = { tokens: ['a-token-of-16-chars-or-more'], origins: ['https://www.pref.example.jp'] };

describe('workspace config', () => {
  it('defaults: 8 h idle, 24 h at most, no trusted header', () => {
    const c = mergeServiceConfig(base);
    expect(c.workspace).toEqual({ sessionHours: 8, sessionMaxHours: 24 });
    expect(() => validateServiceConfig(c)).not.toThrow();
  });

  it('a trusted header needs trusted proxies; the absolute end is not before the idle end; a bad header name is named', () => {
    expect(() => validateServiceConfig(mergeServiceConfig(base, { workspace: { trustedHeader: 'X-Remote-User' } }))).toThrow(/workspace\.trustedProxies/);
    expect(() => validateServiceConfig(mergeServiceConfig(base, { workspace: { sessionHours: 12, sessionMaxHours: 8 } }))).toThrow(/sessionMaxHours/);
    expect(() => mergeServiceConfig(base, { workspace: { trustedHeader: 'X Remote User' } })).toThrow(/trustedHeader/);
    expect(() => mergeServiceConfig(base, { workspace: { sesionHours: 8 } as never })).toThrow(/sesionHours/);
    const ok = mergeServiceConfig(base, { workspace: { trustedHeader: 'X-Remote-User', trustedProxies: ['127.0.0.1'] } });
    expect(() => validateServiceConfig(ok)).not.toThrow();
  });
});
