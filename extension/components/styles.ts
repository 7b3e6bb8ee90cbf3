// Shared panel styles: colours chosen for at least 4.5:1 against their backgrounds (the panel must pass
// its own audit), visible focus everywhere, sizes in rem so the editor's zoom applies.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    font-family: 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic UI', Meiryo, system-ui, sans-serif;
    font-size: 0.875rem;
    line-height: 1.6;
    color: #1a1a1a;
  }
  *:focus-visible {
    outline: 3px solid #1a56c4;
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border: 1px solid #5a5a5a;
    border-radius: 4px;
    background: #f4f4f4;
    color: #1a1a1a;
    padding: 0.2rem 0.6rem;
  }
  button:hover {
    background: #e2e2e2;
  }
  button.primary {
    background: #1a56c4;
    border-color: #1a56c4;
    color: #fff;
    font-weight: bold;
  }
  button.primary:hover {
    background: #123f91;
  }
  button[aria-pressed='true'] {
    background: #123f91;
    border-color: #123f91;
    color: #fff;
  }
  button:disabled {
    cursor: default;
    color: #595959;
    background: #eee;
  }
  .vh {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .badge {
    /* inline, not inline-block: axe cannot read the background of an inline-block badge ending a heading. */
    display: inline;
    border-radius: 3px;
    padding: 0 0.4em;
    font-size: 0.75rem;
    font-weight: bold;
    color: #fff;
    background: #4a4a4a;
    white-space: nowrap;
  }
  .o-fail,
  .k-violation {
    background: #b00020;
  }
  .o-review,
  .k-review {
    background: #7a4f00;
  }
  .k-advisory {
    background: #37474f;
  }
  .o-pass {
    background: #1b5e20;
  }
  .o-inapplicable,
  .o-untested {
    background: #4a4a4a;
  }
  .lv {
    background: #fff;
    color: #1a1a1a;
    border: 1px solid #4a4a4a;
  }
  h2,
  h3,
  h4 {
    line-height: 1.4;
    margin: 0.8rem 0 0.4rem;
  }
  h2 {
    font-size: 1.05rem;
  }
  h3 {
    font-size: 0.95rem;
  }
  h4 {
    font-size: 0.875rem;
  }
  fieldset {
    border: 1px solid #8a8a8a;
    border-radius: 4px;
    margin: 0.4rem 0;
    padding: 0.3rem 0.6rem 0.5rem;
  }
  legend {
    font-weight: bold;
    padding: 0 0.2rem;
  }
  label {
    margin-inline-end: 0.8rem;
    white-space: nowrap;
  }
  pre {
    white-space: pre-wrap;
    word-break: break-all;
    background: #f6f6f6;
    border: 1px solid #cfcfcf;
    border-radius: 3px;
    padding: 0.3rem;
    margin: 0.3rem 0;
    font-size: 0.75rem;
  }
  ul,
  ol {
    padding-inline-start: 1.2rem;
    margin: 0.2rem 0;
  }
  .muted {
    color: #595959;
  }
`;
