/**
 * Defines a custom element once. A page that loads two copies of the SDK (or a
 * define entry twice) gets a console warning instead of the
 * `NotSupportedError` that `customElements.define` throws.
 * @param tagName - The element's tag, e.g. `sip-plan-editor`.
 * @param elementClass - The class to register.
 * @returns `true` when this call defined the element.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): boolean {
  const existing = customElements.get(tagName);
  if (existing) {
    if (existing !== elementClass) {
      console.warn(`sip-kit: <${tagName}> is already defined by another copy of the SDK; keeping the first definition.`);
    }
    return false;
  }
  customElements.define(tagName, elementClass);
  return true;
}
