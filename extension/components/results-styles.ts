// Styles of the results list (jis-results.ts): folded entries with a coloured edge by kind, the count and
// affected texts on the summary line, small element pictures. Colours keep 4.5:1 (the panel audits itself).
import { css } from 'lit';

export const resultStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.6rem;
  }
  ol.entries,
  ol.places {
    list-style: none;
    padding: 0;
  }
  li.entry {
    border-left: 4px solid #8a8a8a;
    padding: 0.1rem 0 0.1rem 0.5rem;
    margin: 0.3rem 0;
  }
  li.entry.violation {
    border-left-color: #b00020;
  }
  li.entry.review {
    border-left-color: #7a4f00;
  }
  li.entry > details > summary {
    cursor: pointer;
  }
  .count {
    white-space: nowrap;
  }
  .texts {
    display: block;
    color: #3d3d3d;
    font-size: 0.8rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .body h4 {
    margin: 0.5rem 0 0.1rem;
  }
  .body p {
    margin: 0.1rem 0;
  }
  li.where {
    border-top: 1px solid #e0e0e0;
    padding: 0.2rem 0;
  }
  li.where .text {
    margin-inline-end: 0.4rem;
  }
  img.shot {
    display: block;
    max-width: 100%;
    max-height: 8rem;
    border: 1px solid #8a8a8a;
    margin: 0.2rem 0;
  }
  details.dev > summary {
    font-size: 0.75rem;
    color: #3d3d3d;
  }
  .sel {
    font-family: ui-monospace, monospace;
    font-size: 0.75rem;
    word-break: break-all;
    color: #3d3d3d;
    margin: 0.1rem 0;
  }
`;
