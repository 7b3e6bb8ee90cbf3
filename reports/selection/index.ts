// The page selection of the published test (JIS X 8341-3:2016 附属書JB.1.2), one job per module:
//   types.ts          the shapes (SelectablePage, SelectionOptions, Selection, Template, DrawsSummary)
//   template-key.ts   the URL-shape template key and the layout key that clusters templates
//   page-facts.ts     top page, form, criteria that apply: what makes a page worth testing
//   user-list.ts      the person's representative list (URLs or globs), unmatched entries named
//   suggest.ts        suggested representative pages: top page, forms, templates clustered and capped
//   seeded-sample.ts  the seeded draw, new seeds from crypto, the population's fingerprint
//   draw.ts           a test's draw: planned and committed before it is made, every draw logged
//   warnings.ts       what a selection should be questioned on (WAIC's guide, top page, forms …)
//   describe.ts       the 試験結果's sentence on the method and numbers
//   select-pages.ts   a selection made on the fly (report without a test)
//   stored.ts         a test's stored selection, as the reports print it
export * from './types.js';
export { templateKey, layoutKey } from './template-key.js';
export { hasForm, isTopPage, applicableCount } from './page-facts.js';
export { matchUserList, isPattern, type UserListMatch } from './user-list.js';
export { suggestRepresentatives, MAX_TEMPLATES, TEMPLATE_COVERAGE, MAX_FORM_PAGES, type Suggestions, type SuggestOptions } from './suggest.js';
export { seededSample, newSeed, populationHash, drawOrder } from './seeded-sample.js';
export { drawForTest, drawFromPlan, type DrawFn, type DrawRequest } from './draw.js';
export { selectionWarnings, type WarningInput } from './warnings.js';
export { describeSelection } from './describe.js';
export { selectPages, population, DEFAULT_SEED } from './select-pages.js';
export { storedSelection, summariseDraws } from './stored.js';
export { WAIC_RANDOM_GUIDE } from '../../rules-jis/selection-messages.js';
