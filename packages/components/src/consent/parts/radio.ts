/**
 * A radio group in a fieldset: the shared layer has checkbox groups and
 * selects, and a short either-or question (yes or no, the child's answer)
 * reads best as radios. Arrow keys move between options, as in every browser.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { SelectOption } from '../../shared/fields.js';

/** Options of {@link radioGroup}. */
export interface RadioGroupOptions {
  /** Prefix of the radios' ids (`${id}-${value}`) and the group's name. */
  id: string;
  /** The question. */
  legend: string;
  /** Help under the question. */
  help?: string | undefined;
  /** The choices. */
  options: readonly SelectOption[];
  /** The chosen value ('' for none). */
  value: string;
  /** Problems with the answer. */
  errors?: readonly string[] | undefined;
  /** Shows "(required)" after the question. */
  requiredText?: string | undefined;
  /** Called with the chosen value. */
  onChange: (value: string) => void;
  /** Extra part names (always has `fieldset`). */
  part?: string | undefined;
}

/** A required-or-not question answered with one of a few radios. */
export function radioGroup(o: RadioGroupOptions): TemplateResult {
  const invalid = Boolean(o.errors?.length);
  const described = [o.help ? `${o.id}-help` : '', invalid ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset
    id=${o.id}
    part=${`fieldset ${o.part ?? ''}`.trim()}
    class="sip-fieldset ${invalid ? 'sip-invalid' : ''}"
    aria-describedby=${ifDefined(described || undefined)}
  >
    <legend part="legend">${o.legend}${o.requiredText ? html` <span class="sip-required">(${o.requiredText})</span>` : nothing}</legend>
    ${o.help ? html`<p id=${`${o.id}-help`} class="sip-help">${o.help}</p>` : nothing}
    ${o.options.map(
      (opt) => html`<div class="sip-check">
        <input
          type="radio"
          name=${o.id}
          id=${`${o.id}-${opt.value}`}
          .checked=${live(o.value === opt.value)}
          aria-invalid=${invalid ? 'true' : 'false'}
          @change=${() => o.onChange(opt.value)}
        /><label for=${`${o.id}-${opt.value}`}>${opt.label}</label>
      </div>`,
    )}
    ${invalid
      ? html`<ul id=${`${o.id}-error`} class="sip-errors" part="error">
          ${o.errors!.map((e) => html`<li>${e}</li>`)}
        </ul>`
      : nothing}
  </fieldset>`;
}
