/**
 * Saves text as a file: a Blob URL on a temporary `<a download>` in the
 * element's shadow root. No inline script and no `data:` URL, so it works
 * under a strict CSP with Trusted Types.
 * @module
 */

/** Offers `text` as a download named `fileName`. */
export function downloadText(root: ShadowRoot | HTMLElement, text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
