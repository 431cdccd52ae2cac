import type { ReactiveControllerHost } from 'lit';

/** Schedules `run` when the browser is idle (at the latest after `timeout` ms). */
function whenIdle(run: () => void, timeout = 2000): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(run, { timeout });
  else setTimeout(run, 1);
}

/**
 * A part of an element that is not on screen when the element first renders
 * (a print form, an export, the other mode's view). Its code is a separate
 * chunk: it loads when first needed, or in idle time after a first render, so
 * a page that never uses it never downloads it and a user rarely waits for it.
 *
 * One instance per part, at module level, shared by every element instance.
 * A failed load (offline) is remembered until `retry()`, so an element can say
 * so instead of waiting forever.
 *
 * @typeParam T - What the chunk's module exports.
 */
export class LazyPart<T> {
  #load: () => Promise<T>;
  #promise?: Promise<T | undefined>;
  #value?: T;
  #failed = false;
  #waiting = new Set<ReactiveControllerHost>();

  /** @param load - `() => import('./parts/x.js')`: a literal `import()` so bundlers split it. */
  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** The loaded module, or `undefined` while it loads (or after a failed load). */
  get value(): T | undefined {
    return this.#value;
  }

  /** True when the last load failed; `retry()` tries again. */
  get failed(): boolean {
    return this.#failed;
  }

  /**
   * The module if loaded; otherwise starts loading it and asks `host` to
   * update once it has loaded (or failed), and returns `undefined`.
   */
  get(host: ReactiveControllerHost): T | undefined {
    if (this.#value) return this.#value;
    this.#waiting.add(host);
    if (!this.#failed) void this.load();
    return undefined;
  }

  /** Loads the module (once); resolves to it, or to `undefined` when the load failed. */
  load(): Promise<T | undefined> {
    this.#promise ??= this.#load().then(
      (value) => {
        this.#value = value;
        this.#settled();
        return value;
      },
      () => {
        this.#failed = true;
        this.#promise = undefined;
        this.#settled();
        return undefined;
      },
    );
    return this.#promise;
  }

  /** Loads the module in idle time, so it is there before the user asks for it. */
  prefetch(): void {
    if (!this.#value && !this.#promise && !this.#failed) whenIdle(() => void this.load());
  }

  /** Clears a failed load and tries again (hosts that asked are updated). */
  retry(): Promise<T | undefined> {
    this.#failed = false;
    return this.load();
  }

  #settled(): void {
    const hosts = [...this.#waiting];
    this.#waiting.clear();
    for (const host of hosts) host.requestUpdate();
  }
}
