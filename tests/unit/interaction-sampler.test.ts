// The keyboard phase's sampler (crawler/page/interaction/sampling.ts): a page is driven when its template is new or
// it holds a widget kind not yet driven in that template; a page made only of driven kinds is covered. Pure: the
// browser side (which kinds a page has) is tests/interaction/sampling.test.ts and tests/browser/template-identity.test.ts.
import { describe, expect, it } from 'vitest';
import { InteractionSampler, widgetKinds, type TemplateKeys } from '../../crawler/page/interaction/sampling.js';

const keys = (template: string, kinds: string[]): TemplateKeys => ({ template, widgets: kinds.join('+'), kinds });

describe('the keyboard sampler drives each widget kind once per template', () => {
  it('a page whose kinds were all driven on earlier pages of its template is covered, whatever their combination', () => {
    const s = new InteractionSampler();
    expect(s.claim(keys('article', ['tabs']), '/a1')).toBeNull();
    expect(s.claim(keys('article', ['accordion']), '/a2')).toBeNull();
    expect(s.claim(keys('article', ['accordion', 'tabs']), '/a3')).toBe('/a1');
    expect(s.claim(keys('article', []), '/a4')).toBe('/a1');
    // a new kind in the same template, or the same kinds in another template, are driven
    expect(s.claim(keys('article', ['tabs', 'slider']), '/a5')).toBeNull();
    expect(s.claim(keys('form', ['tabs']), '/f1')).toBeNull();
    expect([s.makeups, s.skipped]).toEqual([4, 2]);
  });

  it('a claim given up (the phase did not run) lets the next page with those kinds drive them', () => {
    const s = new InteractionSampler();
    expect(s.claim(keys('top', ['slider']), '/')).toBeNull();
    s.release(keys('top', ['slider']), '/');
    expect(s.claim(keys('top', ['slider']), '/index.html')).toBeNull();
    expect(s.makeups).toBe(1);
  });

  it('keys read without their kinds fall back to the whole widget set', () => {
    const s = new InteractionSampler();
    expect(s.claim({ template: 't', widgets: 'x' }, '/1')).toBeNull();
    expect(s.claim({ template: 't', widgets: 'x' }, '/2')).toBe('/1');
    expect(s.claim({ template: 't', widgets: 'y' }, '/3')).toBeNull();
  });

  it('reads the kinds of template-identity.ts’s widgets string; scripts are kinds too', () => {
    expect(widgetKinds(JSON.stringify([['/js/tabs.js'], ['button|submit']]))).toEqual(['script|/js/tabs.js', 'button|submit']);
    expect(widgetKinds('not json')).toBeUndefined();
  });
});
