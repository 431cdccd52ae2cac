/**
 * Form building blocks as lit template functions, not elements: a label and
 * the `aria-describedby` ids it points at must live in the same shadow root as
 * the control (ARIA references do not cross shadow boundaries), and templates
 * add no custom-element cost to the bundle. Every user text goes through a lit
 * text binding; nothing here parses HTML.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** What every field has. */
export interface FieldBase {
  /** DOM id of the control, unique in the shadow root (e.g. `goal-g1-text`). */
  id: string;
  /** The visible label. */
  label: string;
  /** Help text under the label (tied with `aria-describedby`). */
  help?: string | undefined;
  /** Problems with the value (shown under the field, tied with `aria-describedby`, `aria-invalid`). */
  errors?: readonly string[] | undefined;
  /** Marks the field as required (`aria-required`, and a word after the label). */
  required?: boolean | undefined;
  /** The word shown for required fields (translated), e.g. "måste fyllas i". */
  requiredText?: string | undefined;
  /** Read-only: the value is shown, not editable. */
  readonly?: boolean | undefined;
  /** Extra `part` names for the field wrapper (always has `field`). */
  part?: string | undefined;
  /** Something to show after the errors, e.g. an approval marker. */
  extra?: TemplateResult | typeof nothing | undefined;
}

/** A text input, textarea, date or select field's value callbacks. */
export interface ValueField extends FieldBase {
  /** The current value ('' for none). */
  value: string;
  /** Called on every keystroke (text) or choice (select, date). */
  onInput?: ((value: string) => void) | undefined;
  /** Called when the user leaves a changed field. */
  onChange?: ((value: string) => void) | undefined;
  /** Maximum length (from the model's limits). */
  maxlength?: number | undefined;
}

function describedBy(f: FieldBase): string | undefined {
  const ids = [f.help ? `${f.id}-help` : '', f.errors?.length ? `${f.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Errors and extra content of a field: one binding, as most fields have neither. */
function notes(f: FieldBase, invalid: boolean): TemplateResult | typeof nothing {
  if (!invalid && !f.extra) return nothing;
  return html`${invalid ? html`<ul id=${`${f.id}-error`} class="sip-errors" part="error">${f.errors!.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}${f.extra ?? nothing}`;
}

/**
 * The frame around a control: label, help, the control, errors. Written
 * without whitespace between tags (the frame is a flex column, so none is
 * shown): a long plan has hundreds of fields, and every node counts.
 */
export function field(f: FieldBase, control: TemplateResult): TemplateResult {
  const invalid = Boolean(f.errors?.length);
  return html`<div part=${`field ${f.part ?? ''}`.trim()} class="sip-field ${invalid ? 'sip-invalid' : ''}"><label for=${f.id} part="label">${f.label}${f.required && f.requiredText ? html` <span class="sip-required">(${f.requiredText})</span>` : nothing}</label>${f.help ? html`<p id=${`${f.id}-help`} class="sip-help" part="help">${f.help}</p>` : nothing}${control}${notes(f, invalid)}</div>`;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** A one-line text field. */
export function textField(f: ValueField & { type?: 'text' | 'email' | 'tel'; autocomplete?: string }): TemplateResult {
  return field(
    f,
    html`<input
      id=${f.id}
      part="input"
      type=${f.type ?? 'text'}
      .value=${live(f.value)}
      ?readonly=${f.readonly}
      aria-required=${f.required ? 'true' : 'false'}
      aria-invalid=${f.errors?.length ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(f))}
      maxlength=${ifDefined(f.maxlength)}
      autocomplete=${ifDefined(f.autocomplete)}
      @input=${f.onInput ? (e: Event) => f.onInput!(value(e)) : nothing}
      @change=${f.onChange ? (e: Event) => f.onChange!(value(e)) : nothing}
    />`,
  );
}

/** A multi-line text field. */
export function textareaField(f: ValueField & { rows?: number }): TemplateResult {
  return field(
    f,
    html`<textarea
      id=${f.id}
      part="textarea"
      rows=${f.rows ?? 3}
      .value=${live(f.value)}
      ?readonly=${f.readonly}
      aria-required=${f.required ? 'true' : 'false'}
      aria-invalid=${f.errors?.length ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(f))}
      maxlength=${ifDefined(f.maxlength)}
      @input=${f.onInput ? (e: Event) => f.onInput!(value(e)) : nothing}
      @change=${f.onChange ? (e: Event) => f.onChange!(value(e)) : nothing}
    ></textarea>`,
  );
}

/** A calendar-day field (`YYYY-MM-DD`, the browser's date picker). */
export function dateField(f: ValueField & { min?: string; max?: string }): TemplateResult {
  return field(
    f,
    html`<input
      id=${f.id}
      part="input date"
      type="date"
      .value=${live(f.value)}
      ?readonly=${f.readonly}
      min=${ifDefined(f.min)}
      max=${ifDefined(f.max)}
      aria-required=${f.required ? 'true' : 'false'}
      aria-invalid=${f.errors?.length ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(f))}
      @change=${(e: Event) => (f.onChange ?? f.onInput)?.(value(e))}
    />`,
  );
}

/** One choice in a {@link selectField}. */
export interface SelectOption {
  /** The value. */
  value: string;
  /** The visible text. */
  label: string;
}

/** A drop-down. `placeholder` adds an empty first choice ("— choose —"). */
export function selectField(f: ValueField & { options: readonly SelectOption[]; placeholder?: string }): TemplateResult {
  return field(
    f,
    html`<select
      id=${f.id}
      part="select"
      ?disabled=${f.readonly}
      aria-required=${f.required ? 'true' : 'false'}
      aria-invalid=${f.errors?.length ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(f))}
      @change=${(e: Event) => (f.onChange ?? f.onInput)?.(value(e))}
    >${f.placeholder !== undefined ? html`<option value="" ?selected=${f.value === ''}>${f.placeholder}</option>` : nothing}${f.options.map((o) => html`<option value=${o.value} ?selected=${o.value === f.value}>${o.label}</option>`)}</select>`,
  );
}

/** A group of checkboxes in a fieldset (e.g. which goals an intervention works towards). */
export function checkboxGroup(f: {
  id: string;
  legend: string;
  help?: string | undefined;
  options: readonly SelectOption[];
  selected: readonly string[];
  readonly?: boolean | undefined;
  onToggle: (value: string, checked: boolean) => void;
  part?: string;
}): TemplateResult {
  return html`<fieldset part=${`fieldset ${f.part ?? ''}`.trim()} class="sip-fieldset" aria-describedby=${ifDefined(f.help ? `${f.id}-help` : undefined)}>
    <legend part="legend">${f.legend}</legend>
    ${f.help ? html`<p id=${`${f.id}-help`} class="sip-help">${f.help}</p>` : nothing}
    ${f.options.map(
      (o, i) => html`<div class="sip-check">
        <input
          type="checkbox"
          id=${`${f.id}-${i}`}
          .checked=${live(f.selected.includes(o.value))}
          ?disabled=${f.readonly}
          @change=${(e: Event) => f.onToggle(o.value, (e.target as HTMLInputElement).checked)}
        /><label for=${`${f.id}-${i}`}>${o.label}</label>
      </div>`,
    )}
  </fieldset>`;
}

/** A section heading with an id for `aria-labelledby`. */
export function sectionHeading(id: string, text: string, level: 2 | 3 = 2): TemplateResult {
  return level === 2 ? html`<h2 id=${id} part="heading">${text}</h2>` : html`<h3 id=${id} part="subheading">${text}</h3>`;
}

/** The notice shown instead of a section that the person's consent does not let this party see. */
export function notCoveredNotice(text: string): TemplateResult {
  return html`<p class="sip-notice" part="not-covered" role="note">${text}</p>`;
}

/** A small marker for content changed after the plan was agreed, awaiting the person's approval. */
export function approvalMarker(text: string): TemplateResult {
  return html`<p class="sip-approval" part="approval"><span aria-hidden="true">⚑ </span>${text}</p>`;
}
