/**
 * The list of problems under a field or a form, as every form of
 * `<sip-consent>` shows them.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';

/** The problems as a list (`part="error"`), or nothing when there are none. */
export function errorList(errors: readonly string[] | undefined, id?: string): TemplateResult | typeof nothing {
  return errors?.length
    ? html`<ul class="sip-errors" part="error" id=${id ?? nothing}>
        ${errors.map((e) => html`<li>${e}</li>`)}
      </ul>`
    : nothing;
}
