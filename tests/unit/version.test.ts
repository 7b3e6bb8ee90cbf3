import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { CRITERIA, targetCriteria } from '../../rules-jis/criteria.js';

it('the tool version matches package.json', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
  expect(TOOL_VERSION).toBe(pkg.version);
});

it('the criteria catalogue has the 61 criteria of JIS X 8341-3:2016 (25 A, 13 AA, 23 AAA)', () => {
  expect(CRITERIA).toHaveLength(61);
  expect(targetCriteria('A')).toHaveLength(25);
  expect(targetCriteria('AA')).toHaveLength(38);
  expect(CRITERIA.find((c) => c.wcag === '4.1.1')?.level).toBe('A');
});
