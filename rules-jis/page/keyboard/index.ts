// The interaction phase's hands in the page: `window.jisA11y.keyboard` (rules-jis/runner/entry.ts). Node
// (crawler/page/interaction/, crawler/page/zoom/) presses the keys, moves the mouse, zooms and judges; these
// functions look, record and move focus. The motion watch (../motion/) and the 200% pass (../zoom/) are reached
// through the same object. Everything init() adds is taken away by cleanup() (./session.ts); nothing runs until init().
import { FOCUSABLE_SEL, isTabbable } from '../dom/visibility.js';
import { lookOf } from './look.js';
import { install, state, takeEvents, uninstall } from './session.js';
import { active } from './stops.js';
import { activeId, anyVisible, centerOf, element, focus, focusAfter, refocus, reset, scrollPos, scrollTo, unfocus, viewport } from './focus.js';
import { controlCandidates, customControls, effects, watch } from './controls.js';
import { hiddenMenus } from './menus.js';
import { disclosureHeaders, hittable, hoverTips, shownNow } from './disclosure.js';
import { dialogOpeners, dialogShown, dialogSnapshot, focusFirstIn, focusPlace, openedDialog } from './dialogs.js';
import { formAfter, formBefore, formTargets } from './forms.js';
import { watchNote, watchPending, watchReport, watchStart, watchStop } from '../motion/watch.js';
import { zoomMeasure, zoomReport, zoomStart } from '../zoom/measure.js';
import { zoomTextOff, zoomTextOn } from '../zoom/scale.js';
import { change, inputTargets, undoChange } from './inputs.js';
import { drawOverlay, removeOverlay } from './overlay.js';
import { liveClear, liveReport, liveStart, liveStop } from './live.js';

export type { PageEvent } from './session.js';
export type { Active, Rect, StopInfo } from './stops.js';
export type { Candidate, Custom, Effects } from './controls.js';
export type { Menu, TriggerKind } from './menus.js';
export type { DisclosureHeader, HoverTip } from './disclosure.js';
export type { CloseControl, DialogOpener, FocusPlace, OpenedDialog } from './dialogs.js';
export type { FieldOutcome, FormOutcome, FormTarget } from './forms.js';
export type { MotionItem, MotionReport, VanishedItem } from '../motion/watch.js';
export type { ZoomHit, ZoomMode } from '../zoom/measure.js';
export type { InputTarget } from './inputs.js';
export type { OverlayStop } from './overlay.js';
export type { LiveEvent, LiveRecording, LiveStop, LiveTarget } from './live.js';

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

/** Takes away everything the phase added: the watch, the text zoom, then the session (focus, scroll, helpers). */
function cleanup(): void {
  watchStop();
  zoomTextOff();
  uninstall();
}

/** Two animation frames (or 100 ms where frames do not come): the zoomed layout has been painted. */
const settle = (): Promise<void> =>
  new Promise((r) => {
    const t = setTimeout(r, 100);
    requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(t), r())));
  });

export const keyboard = {
  init,
  cleanup,
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
  disclosureHeaders,
  shownNow,
  hoverTips,
  hittable,
  dialogOpeners,
  dialogSnapshot,
  openedDialog,
  focusPlace,
  dialogShown,
  focusFirstIn,
  formTargets,
  formBefore,
  formAfter,
  watchStart,
  watchNote,
  watchPending,
  watchReport,
  zoomStart,
  zoomMeasure,
  zoomReport,
  zoomTextOn,
  zoomTextOff,
  settle,
  /** The extension's live keyboard check (the editor presses Tab): independent of init()/cleanup(). */
  liveStart,
  liveReport,
  liveStop,
  liveClear,
};

export type KeyboardApi = typeof keyboard;
