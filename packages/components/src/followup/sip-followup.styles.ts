import { css } from 'lit';

/**
 * Styles of `<sip-followup>`: the timeline (an overdue entry has a thick
 * dashed frame and a "!" mark, so shape carries it as well as colour), meeting
 * cards, the absent-party flag, forms and the progress chart.
 */
export const followupStyles = css`
  .muted {
    color: var(--sip-color-muted, #57606a);
    font-weight: normal;
  }
  .timeline,
  .meetings,
  .charts,
  .legend {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .timeline {
    border-inline-start: 2px solid var(--sip-color-border, #8c959f);
    padding-inline-start: var(--sip-space-s, 0.75rem);
  }
  .deadline {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sip-space-xs, 0.5rem);
    padding: var(--sip-space-xs, 0.5rem);
    margin-block: var(--sip-space-xs, 0.5rem);
    border: 1px solid transparent;
    border-radius: var(--sip-radius, 0.375rem);
  }
  .mark {
    position: absolute;
    inset-inline-start: calc(-1 * var(--sip-space-s, 0.75rem) - 7px);
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--sip-color-surface, #fff);
    border: 2px solid var(--sip-color-border, #8c959f);
  }
  .what {
    font-weight: 600;
  }
  .overdue {
    border: 3px dashed var(--sip-color-danger, #a4000f);
    background: var(--sip-color-danger-surface, #fde8ea);
  }
  .overdue .mark {
    border-radius: 0;
    transform: rotate(45deg);
    border-color: var(--sip-color-danger, #a4000f);
    background: var(--sip-color-danger, #a4000f);
  }
  .due-today {
    border: 2px solid var(--sip-color-warning, #6b4500);
  }
  .met .mark,
  .met-late .mark {
    background: var(--sip-color-border, #8c959f);
  }
  .meeting,
  .form,
  .flags {
    border: 1px solid var(--sip-color-border, #8c959f);
    border-radius: var(--sip-radius, 0.375rem);
    padding: var(--sip-space-s, 0.75rem);
  }
  /* One vertical rhythm for the blocks of a section. */
  .meeting,
  .form,
  .flags,
  table,
  details,
  .evaluation,
  .add-invitation {
    margin-block: var(--sip-space-s, 0.75rem);
  }
  .flags {
    border: 3px solid var(--sip-color-danger, #a4000f);
    background: var(--sip-color-danger-surface, #fde8ea);
  }
  .flags h3 {
    margin-top: 0;
  }
  .meeting h3:focus {
    outline: 2px solid var(--sip-color-focus, #0969da);
  }
  /* The meeting link stands alone, not in a sentence: at least 24 px tall (2.5.8). */
  .meeting p > a {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    text-align: start;
    padding: var(--sip-space-2xs, 0.25rem) var(--sip-space-xs, 0.5rem);
    border-bottom: 1px solid var(--sip-color-border, #8c959f);
  }
  thead th {
    background: var(--sip-color-surface-muted, #f3f4f6);
  }
  tr.flagged th {
    color: var(--sip-color-danger, #a4000f);
    text-decoration: underline wavy;
  }
  .actions,
  .row,
  .views,
  .legend,
  .charts li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sip-space-s, 0.75rem);
  }
  .views > * {
    flex: 1 1 14rem;
  }
  .add-invitation {
    align-items: end;
  }
  .legend {
    margin-block-end: var(--sip-space-s, 0.75rem);
  }
  .charts li {
    align-items: center;
    margin-block: var(--sip-space-xs, 0.5rem);
  }
  .goal {
    flex: 0 1 16rem;
  }
  svg {
    overflow: visible;
  }
  .spark text {
    font-size: 10px;
    fill: var(--sip-color-muted, #57606a);
  }
  .axis {
    stroke: var(--sip-color-muted, #57606a);
    stroke-dasharray: 2 3;
  }
  .line {
    fill: none;
    stroke: var(--sip-color-accent, #0969da);
    stroke-width: 2;
  }
  .o-achieved {
    fill: var(--sip-color-success, #0b5d1e);
  }
  .o-partly {
    fill: var(--sip-color-warning, #6b4500);
  }
  .o-not-achieved {
    fill: var(--sip-color-danger, #a4000f);
  }
  .o-not-assessed {
    fill: var(--sip-color-surface, #fff);
    stroke: var(--sip-color-muted, #57606a);
    stroke-width: 2;
  }
  summary {
    cursor: pointer;
    min-height: var(--sip-target-size, 24px);
  }
  @media (forced-colors: active) {
    .overdue,
    .flags {
      border-color: CanvasText;
    }
    .o-achieved,
    .o-partly,
    .o-not-achieved,
    .overdue .mark {
      fill: CanvasText;
      background: CanvasText;
    }
    .line {
      stroke: CanvasText;
    }
  }
`;
