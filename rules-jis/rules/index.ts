// The code of every Japanese check, one rule per file (metadata: rules-jis/data/rules/jis.json, same ids).
// The runner registers them into axe in the catalogue's order (rules-jis/runner/register.ts).
import type { JisCheck } from './types.js';
import { rule as spacedWord } from './jis-spaced-word.js';
import { rule as textTable } from './jis-text-table.js';
import { rule as langMismatch } from './jis-lang-mismatch.js';
import { rule as langPassage } from './jis-lang-passage.js';
import { rule as linkText } from './jis-link-text.js';
import { rule as linkSameText } from './jis-link-same-text.js';
import { rule as altMeaningless } from './jis-alt-meaningless.js';
import { rule as altRedundant } from './jis-alt-redundant.js';
import { rule as titlePlaceholder } from './jis-title-placeholder.js';
import { rule as sensory } from './jis-sensory-instruction.js';
import { rule as colour } from './jis-colour-instruction.js';
import { rule as fakeHeading } from './jis-fake-heading.js';
import { rule as tableHeaders } from './jis-table-headers.js';
import { rule as emptyHeading } from './jis-empty-heading.js';
import { rule as machineDependent } from './jis-machine-dependent-char.js';
import { rule as halfwidthKana } from './jis-halfwidth-kana.js';
import { rule as fullwidthAlnum } from './jis-fullwidth-alnum.js';
import { rule as compatChar } from './jis-compat-char.js';
import { rule as fileLinkInfo } from './jis-file-link-info.js';
import { rule as newWindow } from './jis-new-window.js';
import { rule as frameUnchecked } from './jis-frame-unchecked.js';

export const jisChecks: JisCheck[] = [
  spacedWord,
  textTable,
  langMismatch,
  langPassage,
  linkText,
  linkSameText,
  altMeaningless,
  altRedundant,
  titlePlaceholder,
  sensory,
  colour,
  fakeHeading,
  tableHeaders,
  emptyHeading,
  machineDependent,
  halfwidthKana,
  fullwidthAlnum,
  compatChar,
  fileLinkInfo,
  newWindow,
  frameUnchecked,
];
