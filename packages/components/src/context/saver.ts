import type { Plan } from '@sip-kit/core';
import type { PlanStoreService, RepositoryService } from './services.js';

/** Where autosave stands. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** Why a save failed, from the repository's typed errors (recognised by `name`, so across SDK copies). */
export type SaveFailure = 'network' | 'conflict' | 'not-found' | 'invalid' | 'other';

/** A snapshot of the autosaver for listeners. */
export interface SaveStatus {
  /** Where it stands. */
  state: SaveState;
  /** Why the last save failed (state `error`). */
  failure?: SaveFailure;
  /** The error the repository threw. */
  error?: unknown;
  /** The plan as last saved. */
  saved?: Plan;
}

/** Maps a repository error to a {@link SaveFailure} by its `name` (`NetworkError`, `ConflictError`, …). */
export function classifySaveError(error: unknown): SaveFailure {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'NetworkError') return 'network';
  if (name === 'ConflictError') return 'conflict';
  if (name === 'NotFoundError') return 'not-found';
  if (name === 'SipValidationError') return 'invalid';
  return 'other';
}

/**
 * Autosaves one store's plan to a repository: a debounced save after each
 * change, one save at a time, and a failed save leaves the store untouched
 * (nothing typed is lost) until `retry()` or the next change. Owned by
 * whoever owns the store — `<sip-context>`, or an element working standalone —
 * so three elements sharing a store save it once.
 */
export class PlanSaver {
  private status: SaveStatus = { state: 'idle' };
  private readonly listeners = new Set<(s: SaveStatus) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private needsSave = false;
  private readonly unsubscribe: () => void;

  /**
   * @param store - The store to watch.
   * @param repository - Where to save.
   * @param delay - Debounce in milliseconds (default 1000).
   */
  constructor(
    readonly store: PlanStoreService,
    readonly repository: RepositoryService,
    readonly delay = 1000,
  ) {
    this.unsubscribe = store.subscribe((_plan, change) => {
      if (change.type === 'markSaved' || change.type === 'replace') return;
      this.needsSave = true;
      this.schedule();
    });
    // Edits made before the repository arrived (it may load on demand) are saved too.
    if (store.dirty) {
      this.needsSave = true;
      this.schedule();
    }
  }

  /** The current status. */
  get current(): SaveStatus {
    return this.status;
  }

  /** Calls `listener` with every new status; returns the function that stops it. */
  subscribe(listener: (s: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when some change is not saved yet (including edits typed while a save was in flight). */
  get unsaved(): boolean {
    return this.needsSave || this.store.dirty;
  }

  /** Saves now (skipping the debounce). Resolves when the save settles; never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = undefined;
      if (this.again) {
        this.again = false;
        if (this.unsaved) void this.flush();
      }
    });
    return this.inFlight;
  }

  /** Tries the failed save again. */
  retry(): Promise<void> {
    return this.flush();
  }

  /** Stops watching the store and cancels a pending save. */
  dispose(): void {
    clearTimeout(this.timer);
    this.unsubscribe();
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.status.state !== 'error') this.set({ state: 'pending', saved: this.status.saved });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  private async saveOnce(): Promise<void> {
    if (!this.unsaved) {
      this.set({ state: 'saved', saved: this.status.saved });
      return;
    }
    const plan = this.store.plan;
    this.needsSave = false;
    this.set({ state: 'saving', saved: this.status.saved });
    try {
      const saved = await this.repository.save(plan, { expectedVersion: plan.version });
      // Typing may have gone on while the save was in flight: markSaved would
      // clear `dirty` for those edits too, so remember to save them as well.
      const changedSince = this.store.plan !== plan;
      this.store.markSaved(saved.version);
      this.needsSave = changedSince;
      if (changedSince) this.schedule();
      else this.set({ state: 'saved', saved });
    } catch (error) {
      this.needsSave = true;
      this.set({ state: 'error', failure: classifySaveError(error), error, saved: this.status.saved });
    }
  }

  private set(s: SaveStatus): void {
    this.status = s;
    for (const l of [...this.listeners]) l(s);
  }
}
