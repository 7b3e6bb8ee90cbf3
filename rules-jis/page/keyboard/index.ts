// The keyboard phase's hands in the page: `window.jisA11y.keyboard` (rules-jis/runner/entry.ts). Node
// (crawler/page/interaction/) presses the keys and judges; these functions look, record and move focus.
// Everything init() adds is taken away by cleanup() (./session.ts); nothing runs until init().
import { FOCUSABLE_SEL, isTabbable } from '../dom/visibility.js';
import { lookOf } from './look.js';
import { install, state, takeEvents, uninstall } from './session.js';
import { active } from './stops.js';
import { activeId, anyVisible, centerOf, element, focus, focusAfter, refocus, reset, scrollPos, scrollTo, unfocus, viewport } from './focus.js';
import { controlCandidates, customControls, effects, hiddenMenus, watch } from './controls.js';
import { change, inputTargets, undoChange } from './inputs.js';
import { drawOverlay, removeOverlay } from './overlay.js';

export type { PageEvent } from './session.js';
export type { Active, Rect, StopInfo } from './stops.js';
export type { Candidate, Custom, Effects, Menu } from './controls.js';
export type { InputTarget } from './inputs.js';
export type { OverlayStop } from './overlay.js';

/** Installs the phase's helpers and notes how every tabbable element looks unfocused; returns their number. */
function init(): number {
  install();
  let n = 0;
  for (const el of Array.from(document.querySelectorAll(FOCUSABLE_SEL))) {
    if (!isTabbable(el)) continue;
    n++;
    state.pre.set(el, lookOf(el));
  }
  return n;
}

export const keyboard = {
  init,
  cleanup: uninstall,
  reset,
  takeEvents,
  active,
  unfocus,
  refocus,
  focus,
  activeId,
  anyVisible,
  focusAfter,
  scrollPos,
  scrollTo,
  viewport,
  controlCandidates,
  customControls,
  watch,
  effects,
  hiddenMenus,
  centerOf,
  inputTargets,
  change,
  undoChange,
  element,
  drawOverlay,
  removeOverlay,
};

export type KeyboardApi = typeof keyboard;
