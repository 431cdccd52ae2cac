/**
 * The outbox: a {@link PlanRepository} in front of a remote one that never
 * loses an edit. Each save is first written durably (IndexedDB in browsers),
 * then sent in order; when the remote cannot be reached the edits wait and
 * are retried with backoff, on `flush()` and when the browser comes back
 * online. A conflict stops the queue and is surfaced — never overwritten.
 */
import {
  ConflictError,
  NetworkError,
  SipValidationError,
  matchesListQuery,
  parsePlan,
  type DeleteOptions,
  type ListQuery,
  type Plan,
  type PlanRepository,
  type RequestOptions,
  type SaveOptions,
} from '@sip-kit/core';
import { connection, done, request } from './idb.js';

/** One queued save. */
export interface OutboxEntry {
  /** Queue position: entries are sent in ascending `seq`. */
  seq: number;
  /** The plan to save. */
  plan: Plan;
  /** The version the edit was based on. */
  expectedVersion: number;
  /** When it was queued (ISO instant). */
  queuedAt: string;
}

/** Where queued saves are kept. Must be durable for the outbox's promise to hold; the in-memory store is for tests and Node. */
export interface OutboxStore {
  /** Every entry, in queue order. */
  all(): Promise<OutboxEntry[]>;
  /** Appends an entry and returns it with its `seq`. */
  add(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry>;
  /** Removes the entries with these `seq`s. */
  remove(seqs: readonly number[]): Promise<void>;
}

/** Why the queue stopped: a conflict (or a deleted plan) that needs a person's decision. */
export type OutboxBlock = Error & { code: string };

/** What the outbox is doing, for a status badge. */
export interface OutboxStatus {
  /** Saves waiting to be sent. */
  pending: number;
  /** True while a save is on its way. */
  sending: boolean;
  /** The last error that left saves waiting (network down, a bad answer); cleared by the next success. */
  lastError?: Error;
  /** The error that stopped the queue, until `resolveConflict` or `discardBlocked`. */
  blocked?: OutboxBlock;
}

/** Options for {@link createOutbox}. */
export interface OutboxOptions {
  /** The repository edits are sent to (REST, FHIR, …). */
  remote: PlanRepository;
  /** Where edits wait; default IndexedDB ({@link indexedDbOutboxStore}) when available, else memory. */
  store?: OutboxStore;
  /** Called when a conflict stops the queue (the `sip-outbox-conflict` event fires too). */
  onConflict?: (error: ConflictError) => void;
  /** Milliseconds before retry number `attempt` (1-based); default exponential from 1 s to 60 s with jitter. */
  backoff?: (attempt: number) => number;
  /** Retry on a timer after a failure (default true); tests turn it off and call `flush()`. */
  autoRetry?: boolean;
  /** Listen to the browser's `online` event and flush (default true where there is a `window`). */
  listenOnline?: boolean;
}

/** Events: `sip-outbox-status` (detail: {@link OutboxStatus}) and `sip-outbox-conflict` (detail: `{ error }`). */
export interface Outbox extends PlanRepository, EventTarget {
  /**
   * Queues the save durably, then tries to send it. Resolves with the saved
   * plan when the remote took it, or — when the remote cannot be reached —
   * with the plan at its expected next version once it is safely queued.
   * Rejects with {@link ConflictError} when this plan's queue is stopped by a
   * conflict (its `ours` is the newest queued edit, with everything in it).
   */
  save(plan: Plan, options?: SaveOptions): Promise<Plan>;
  /** Sends what is queued now. Rejects with the blocking error when the queue is stopped. */
  flush(): Promise<OutboxStatus>;
  /** The current status. */
  readonly status: OutboxStatus;
  /** Calls `listener` now and on every change; returns an unsubscribe function. */
  subscribe(listener: (status: OutboxStatus) => void): () => void;
  /**
   * Ends a conflict: drops the blocked plan's queued edits and queues `merged`
   * on top of the stored plan (`theirs.version`). Resolves like `save`.
   */
  resolveConflict(merged: Plan): Promise<Plan>;
  /** Drops the blocked plan's queued edits (the user chose theirs) and restarts the queue. */
  discardBlocked(): Promise<void>;
  /** Stops timers and listeners. */
  close(): void;
}

/** The default backoff: 1 s, 2 s, 4 s … up to 60 s, with jitter so clients coming back online spread out. */
export function outboxBackoff(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
}

/** Keeps queued saves in memory: for Node, tests, or hosts that persist elsewhere. Not durable. */
export function memoryOutboxStore(): OutboxStore {
  let entries: OutboxEntry[] = [];
  let seq = 0;
  return {
    all: async () => entries.map((e) => ({ ...e })),
    add: async (entry) => {
      const full = { ...entry, seq: ++seq };
      entries.push(full);
      return { ...full };
    },
    remove: async (seqs) => {
      entries = entries.filter((e) => !seqs.includes(e.seq));
    },
  };
}

/** Keeps queued saves in IndexedDB (database `dbName`, default `sip-kit-outbox`): they survive reloads and crashes. */
export function indexedDbOutboxStore(options: { dbName?: string } = {}): OutboxStore & { close(): void } {
  const db = connection(options.dbName ?? 'sip-kit-outbox', 1, (d) => {
    if (!d.objectStoreNames.contains('entries')) d.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true });
  });
  const open = db.open;
  return {
    async all() {
      const tx = (await open()).transaction('entries', 'readonly');
      const raw = (await request(tx.objectStore('entries').getAll())) as unknown[];
      // Validated: storage is outside our control. A broken entry cannot be sent, so it is skipped.
      return raw.flatMap((value) => {
        const e = value as Partial<OutboxEntry>;
        if (typeof e?.seq !== 'number' || typeof e.expectedVersion !== 'number' || typeof e.queuedAt !== 'string') return [];
        try {
          return [{ seq: e.seq, plan: parsePlan(e.plan), expectedVersion: e.expectedVersion, queuedAt: e.queuedAt }];
        } catch {
          return [];
        }
      });
    },
    async add(entry) {
      const tx = (await open()).transaction('entries', 'readwrite');
      const committed = done(tx);
      const seq = (await request(tx.objectStore('entries').add(entry))) as number;
      await committed;
      return { ...entry, seq };
    },
    async remove(seqs) {
      const tx = (await open()).transaction('entries', 'readwrite');
      const committed = done(tx);
      for (const seq of seqs) tx.objectStore('entries').delete(seq);
      await committed;
    },
    close: db.close,
  };
}

interface Waiter {
  resolve(plan: Plan): void;
  reject(error: unknown): void;
}

class OutboxImpl extends EventTarget implements Outbox {
  #remote: PlanRepository;
  #store: OutboxStore;
  #options: OutboxOptions;
  #waiters = new Map<number, Waiter>();
  #status: OutboxStatus = { pending: 0, sending: false };
  #listeners = new Set<(status: OutboxStatus) => void>();
  #draining: Promise<void> | undefined;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #blockedPlan: string | undefined;
  #onOnline = () => void this.flush().catch(() => undefined);
  #closed = false;

  constructor(options: OutboxOptions) {
    super();
    this.#options = options;
    this.#remote = options.remote;
    this.#store = options.store ?? (typeof indexedDB === 'undefined' ? memoryOutboxStore() : indexedDbOutboxStore());
    const win = (globalThis as { window?: { addEventListener(t: string, f: () => void): void } }).window;
    if ((options.listenOnline ?? true) && win) win.addEventListener('online', this.#onOnline);
    // Edits queued before a reload go out as soon as the outbox exists.
    void this.flush().catch(() => undefined);
  }

  get status(): OutboxStatus {
    return { ...this.#status };
  }

  subscribe(listener: (status: OutboxStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.status);
    return () => this.#listeners.delete(listener);
  }

  #set(change: Partial<OutboxStatus>): void {
    const next = { ...this.#status, ...change };
    for (const key of ['lastError', 'blocked'] as const) if (key in change && change[key] === undefined) delete next[key];
    this.#status = next;
    const snapshot = this.status;
    for (const listener of this.#listeners) listener(snapshot);
    this.dispatchEvent(new CustomEvent('sip-outbox-status', { detail: snapshot }));
  }

  async save(plan: Plan, options: SaveOptions = {}): Promise<Plan> {
    if (options.signal?.aborted) throw options.signal.reason;
    const ours = parsePlan(plan);
    const expectedVersion = options.expectedVersion ?? ours.version;
    const entry = await this.#store.add({ plan: ours, expectedVersion, queuedAt: new Date().toISOString() });
    const result = new Promise<Plan>((resolve, reject) => this.#waiters.set(entry.seq, { resolve, reject }));
    this.#set({ pending: (await this.#store.all()).length });
    const blocked = this.#status.blocked;
    if (this.#blockedPlan === ours.id && blocked) {
      // Kept in the queue, but the conflict must be settled first; `ours` is now this newest edit.
      const now = ConflictError.is(blocked) ? new ConflictError(blocked.theirs, ours, blocked.expectedVersion) : blocked;
      this.#set({ blocked: now });
      this.#settle(entry.seq, now);
    } else {
      void this.flush().catch(() => undefined);
    }
    return result;
  }

  flush(): Promise<OutboxStatus> {
    if (this.#draining) {
      // A drain is running and may already have looked at the queue: drain again after it.
      return this.#draining.then(() => this.flush());
    }
    this.#draining = this.#drain().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining.then(() => this.#result());
  }

  #result(): OutboxStatus {
    if (this.#status.blocked) throw this.#status.blocked;
    return this.status;
  }

  /** Settles a waiter with a saved plan, or with an error (rejects). */
  #settle(seq: number, outcome: Plan | Error): void {
    const waiter = this.#waiters.get(seq);
    if (!waiter) return;
    this.#waiters.delete(seq);
    if (outcome instanceof Error) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }

  async #drain(): Promise<void> {
    clearTimeout(this.#timer);
    for (;;) {
      if (this.#status.blocked || this.#closed) return;
      const entries = await this.#store.all();
      this.#set({ pending: entries.length });
      const head = entries[0];
      if (!head) return;
      this.#set({ sending: true });
      try {
        const saved = await this.#remote.save(head.plan, { expectedVersion: head.expectedVersion });
        await this.#store.remove([head.seq]);
        this.#attempt = 0;
        this.#set({ pending: entries.length - 1, sending: false, lastError: undefined });
        this.#settle(head.seq, saved);
      } catch (error) {
        this.#set({ sending: false });
        await this.#failed(error as Error, head, entries);
        return;
      }
    }
  }

  async #failed(error: Error, head: OutboxEntry, entries: OutboxEntry[]): Promise<void> {
    const queued = (e: OutboxEntry): Plan => ({ ...e.plan, version: e.expectedVersion + 1 });
    if (NetworkError.is(error) || SipValidationError.is(error)) {
      // Not refused, just not (provably) taken: the edits stay queued and go out later.
      this.#attempt += 1;
      this.#set({ lastError: error });
      for (const e of entries) this.#settle(e.seq, queued(e));
      if (this.#options.autoRetry ?? true) {
        this.#timer = setTimeout(() => void this.flush().catch(() => undefined), (this.#options.backoff ?? outboxBackoff)(this.#attempt));
      }
      return;
    }
    const mine = entries.filter((e) => e.plan.id === head.plan.id);
    const newest = mine[mine.length - 1] ?? head;
    // `ours` is the newest queued edit of this plan: it holds every edit still unsent.
    const blocked: OutboxBlock = ConflictError.is(error)
      ? new ConflictError(error.theirs, newest.plan, head.expectedVersion)
      : Object.assign(error, { code: (error as { code?: unknown }).code === undefined ? 'outbox-blocked' : String((error as { code?: unknown }).code) });
    this.#blockedPlan = head.plan.id;
    this.#set({ blocked, lastError: error });
    for (const e of entries) this.#settle(e.seq, e.plan.id === head.plan.id ? blocked : queued(e));
    if (ConflictError.is(blocked)) {
      this.#options.onConflict?.(blocked);
      this.dispatchEvent(new CustomEvent('sip-outbox-conflict', { detail: { error: blocked } }));
    }
  }

  async #dropBlocked(): Promise<ConflictError | undefined> {
    const blocked = this.#status.blocked;
    const id = this.#blockedPlan;
    if (!blocked || id === undefined) throw new Error('The outbox is not blocked');
    // Wait for the stopped drain to finish before touching the queue.
    await this.#draining?.catch(() => undefined);
    const entries = await this.#store.all();
    const mine = entries.filter((e) => e.plan.id === id);
    await this.#store.remove(mine.map((e) => e.seq));
    for (const e of mine) this.#settle(e.seq, blocked);
    this.#blockedPlan = undefined;
    this.#set({ blocked: undefined, lastError: undefined, pending: entries.length - mine.length });
    return ConflictError.is(blocked) ? blocked : undefined;
  }

  async resolveConflict(merged: Plan): Promise<Plan> {
    const conflict = await this.#dropBlocked();
    const base = conflict?.theirs.version ?? 0;
    return this.save(merged, { expectedVersion: base });
  }

  async discardBlocked(): Promise<void> {
    await this.#dropBlocked();
    void this.flush().catch(() => undefined);
  }

  async #pending(): Promise<Map<string, Plan>> {
    const latest = new Map<string, Plan>();
    for (const e of await this.#store.all()) latest.set(e.plan.id, { ...e.plan, version: e.expectedVersion + 1 });
    return latest;
  }

  async load(id: string, options?: RequestOptions): Promise<Plan> {
    // Unsent edits are the newest truth on this device; showing the remote's would invite a conflict with ourselves.
    const local = (await this.#pending()).get(id);
    return local ?? this.#remote.load(id, options);
  }

  async list(query: ListQuery = {}, options?: RequestOptions): Promise<Plan[]> {
    const pending = await this.#pending();
    const remote = await this.#remote.list(query, options);
    const out = remote.filter((p) => !pending.has(p.id));
    for (const plan of pending.values()) if (matchesListQuery(plan, query)) out.push(plan);
    return out;
  }

  history(id: string, options?: RequestOptions): Promise<Plan[]> {
    return this.#remote.history(id, options);
  }

  async delete(id: string, options?: DeleteOptions): Promise<void> {
    // Queued edits of a deleted plan would bring it back.
    await this.#draining?.catch(() => undefined);
    const mine = (await this.#store.all()).filter((e) => e.plan.id === id);
    await this.#store.remove(mine.map((e) => e.seq));
    if (this.#blockedPlan === id) {
      this.#blockedPlan = undefined;
      this.#set({ blocked: undefined });
    }
    this.#set({ pending: Math.max(0, this.#status.pending - mine.length) });
    await this.#remote.delete(id, options);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    const win = (globalThis as { window?: { removeEventListener(t: string, f: () => void): void } }).window;
    win?.removeEventListener('online', this.#onOnline);
  }
}

/** An {@link Outbox} in front of `options.remote`. */
export function createOutbox(options: OutboxOptions): Outbox {
  return new OutboxImpl(options);
}

/** Shorthand for `createOutbox({ remote, ...options })`. */
export function outboxRepository(remote: PlanRepository, options: Omit<OutboxOptions, 'remote'> = {}): Outbox {
  return createOutbox({ ...options, remote });
}
