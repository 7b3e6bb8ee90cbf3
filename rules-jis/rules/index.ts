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
// issue 17: tables, images, links, forms, frames, presentation, language of parts
import { rule as langElement } from './jis-lang-element.js';
import { rule as linkRawText } from './jis-link-raw-text.js';
import { rule as imgDecorative } from './jis-img-decorative.js';
import { rule as altImageOfText } from './jis-alt-image-of-text.js';
import { rule as tableComplex } from './jis-table-complex.js';
import { rule as tableStructure } from './jis-table-structure.js';
import { rule as formGroup } from './jis-form-group.js';
import { rule as placeholderLabel } from './jis-placeholder-label.js';
import { rule as requiredColour } from './jis-required-colour.js';
import { rule as formHint } from './jis-form-hint.js';
import { rule as duplicateLabel } from './jis-duplicate-label.js';
import { rule as frameTitle } from './jis-frame-title.js';
import { rule as cssContent } from './jis-css-content.js';
import { rule as visualOrder } from './jis-visual-order.js';
import { videoRule, audioRule } from './jis-media-alternative.js';
import { rule as errorMessage } from './jis-error-message.js';
// issue 17, round two: animated images (2.2.2, 2.3.1), decoded before axe runs
import { rule as animatedImage } from './jis-animated-image.js';
import { rule as imageFlash } from './jis-image-flash.js';

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
  langElement,
  linkRawText,
  imgDecorative,
  altImageOfText,
  tableComplex,
  tableStructure,
  formGroup,
  placeholderLabel,
  requiredColour,
  formHint,
  duplicateLabel,
  frameTitle,
  cssContent,
  visualOrder,
  videoRule,
  audioRule,
  errorMessage,
  animatedImage,
  imageFlash,
];
