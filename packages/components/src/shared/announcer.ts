import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * A live region for one element: `announce()` puts a short message where
 * screen readers read it out (validation problems, "goal added", "saved").
 * Render `controller.render()` once, anywhere in the element's shadow root.
 */
export class AnnouncerController implements ReactiveController {
  private polite = '';
  private assertive = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The text currently in the polite region (tests read it). */
  get message(): string {
    return this.assertive || this.polite;
  }

  /**
   * Announces `text`. `assertive` interrupts (use it for errors only). The
   * region is emptied first, so the same message twice is read twice.
   */
  announce(text: string, politeness: 'polite' | 'assertive' = 'polite'): void {
    this.polite = '';
    this.assertive = '';
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (politeness === 'assertive') this.assertive = text;
      else this.polite = text;
      this.host.requestUpdate();
    }, 50);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The two live regions (visually hidden). */
  render() {
    return html`<div class="sip-visually-hidden" part="announcer">
      <div role="status" aria-live="polite">${this.polite}</div>
      <div role="alert" aria-live="assertive">${this.assertive}</div>
    </div>`;
  }
}
