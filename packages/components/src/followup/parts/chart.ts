/**
 * Progress over time: one small line chart per goal (lit `svg`, `role="img"`
 * with the same facts as a sentence) and a table alternative in a
 * `<details>`. Outcomes are told apart by height and marker shape as well as
 * colour: achieved ● at the top, partly ◆ in the middle, not achieved ■ at
 * the bottom, not assessed ○ on the axis, unconnected.
 * @module
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import type { FollowUp, Goal, GoalOutcome, IsoDate } from '@sip-kit/core';
import { oldestFirst, type Translate } from './timeline.js';

/** One follow-up with evaluations: a column of the chart and table. */
export interface ProgressColumn {
  /** The follow-up id. */
  id: string;
  /** The day it was done (or due, when not done yet). */
  date: IsoDate;
}

/** One goal's outcomes, one per column (`undefined`: not evaluated at that follow-up). */
export interface ProgressRow {
  /** The goal. */
  goal: Goal;
  /** Outcome per column. */
  outcomes: (GoalOutcome | undefined)[];
}

/** The chart's data: columns in date order and a row per goal. */
export interface ProgressData {
  /** Follow-ups with at least one evaluation, oldest first. */
  columns: ProgressColumn[];
  /** Every goal in plan order. */
  rows: ProgressRow[];
}

/** Collects each goal's evaluations across follow-ups. */
export function progressData(goals: readonly Goal[], followUps: readonly FollowUp[]): ProgressData {
  const used = oldestFirst(
    followUps.filter((f) => f.evaluations.length > 0).map((f) => ({ f, date: f.doneOn ?? f.dueOn })),
    (u) => u.date,
  );
  return {
    columns: used.map(({ f, date }) => ({ id: f.id, date })),
    rows: goals.map((goal) => ({ goal, outcomes: used.map(({ f }) => f.evaluations.find((e) => e.goal === goal.id)?.outcome) })),
  };
}

const LEVEL: Record<GoalOutcome, number | undefined> = { achieved: 8, partly: 24, 'not-achieved': 40, 'not-assessed': undefined };
const STEP = 56;
const LEFT = 16;
const AXIS = 52;

function marker(outcome: GoalOutcome, x: number) {
  const y = LEVEL[outcome] ?? AXIS;
  switch (outcome) {
    case 'achieved':
      return svg`<circle class="o-achieved" cx=${x} cy=${y} r="6"></circle>`;
    case 'partly':
      return svg`<path class="o-partly" d=${`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`}></path>`;
    case 'not-achieved':
      return svg`<rect class="o-not-achieved" x=${x - 6} y=${y - 6} width="12" height="12"></rect>`;
    default:
      return svg`<circle class="o-not-assessed" cx=${x} cy=${y} r="5"></circle>`;
  }
}

/** A sentence with the same facts as one goal's chart. */
export function rowSummary(row: ProgressRow, columns: readonly ProgressColumn[], t: Translate, date: (d: IsoDate) => string): string {
  const parts = row.outcomes.flatMap((o, i) => (o ? [`${date(columns[i]!.date)} ${t(`outcome.${o}`).toLowerCase()}`] : []));
  return t('chart.summary', { goal: row.goal.text, list: parts.length ? parts.join(', ') : t('chart.notYet') });
}

/** The charts, one per goal, and the table alternative. */
export function progressChart(data: ProgressData, t: Translate, date: (d: IsoDate) => string, shortDate: (d: IsoDate) => string): TemplateResult {
  if (!data.columns.length) return html`<p part="empty">${t('chart.none')}</p>`;
  const width = LEFT * 2 + Math.max(1, data.columns.length - 1) * STEP;
  const xs = data.columns.map((_, i) => LEFT + i * STEP);
  return html`<ul class="legend" part="legend">
      ${(['achieved', 'partly', 'not-achieved', 'not-assessed'] as const).map(
        (o) => html`<li><svg width="16" height="16" viewBox=${`${-8} ${(LEVEL[o] ?? AXIS) - 8} 16 16`} aria-hidden="true">${marker(o, 0)}</svg> ${t(`outcome.${o}`)}</li>`,
      )}
    </ul>
    <ul class="charts">
      ${data.rows.map((row) => {
        // Lines join consecutive assessed outcomes only; "not assessed" breaks the line.
        let d = '';
        let pen = false;
        row.outcomes.forEach((o, i) => {
          const y = o ? LEVEL[o] : undefined;
          if (y === undefined) return void (pen = false);
          d += `${pen ? 'L' : 'M'}${xs[i]} ${y}`;
          pen = true;
        });
        return html`<li part="chart">
          <span class="goal">${row.goal.text}</span>
          <svg role="img" aria-label=${rowSummary(row, data.columns, t, date)} viewBox=${`0 0 ${width} 72`} width=${width} height="72" class="spark">
            <line class="axis" x1="0" x2=${width} y1=${AXIS + 8} y2=${AXIS + 8}></line>
            ${d ? svg`<path class="line" d=${d}></path>` : nothing}
            ${row.outcomes.map((o, i) => (o ? marker(o, xs[i]!) : nothing))}
            ${data.columns.map((c, i) => svg`<text x=${xs[i]} y="70" text-anchor="middle">${shortDate(c.date)}</text>`)}
          </svg>
        </li>`;
      })}
    </ul>
    <details part="chart-table">
      <summary>${t('chart.table')}</summary>
      <table>
        <caption>${t('chart.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('chart.goal')}</th>
            ${data.columns.map((c) => html`<th scope="col">${date(c.date)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${data.rows.map(
            (row) => html`<tr>
              <th scope="row">${row.goal.text}</th>
              ${row.outcomes.map((o) => html`<td>${o ? t(`outcome.${o}`) : '–'}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
}
