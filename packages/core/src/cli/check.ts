/**
 * `sip-rules check`: evaluates plans read as NDJSON from stdin and writes one
 * result per input line. An invalid line yields an error result with its line
 * number and the batch goes on; the exit code is 1 if any line was invalid.
 * @module
 */
import { fstatSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readBatches, type LineBatch } from './batches.js';
import { createBatchProcessor, DEFAULT_MAX_LINE_BYTES, parseCheckArgs, TABLE_HEADER, type BatchOutput } from './check-batch.js';
import type { WorkerInput, WorkerReply } from './check-worker.js';
import type { Io } from './common.js';

export { DEFAULT_MAX_LINE_BYTES } from './check-batch.js';

/** Help text of `sip-rules check`. */
export const CHECK_HELP = `Usage: sip-rules check --today YYYY-MM-DD [options] < plans.ndjson

Reads one plan (JSON) per line from stdin and writes one result per line:
eligibility, completeness (with messages in the plan's language), deadlines
and per-party sharing. Blank lines are skipped. An invalid line gives an error
result with its line number and the batch goes on.

Options:
  --today YYYY-MM-DD       the day deadlines and consent are judged on (required)
  --pack <id|file.json>    a built-in pack (se-default, se-varmland-2014,
                           se-discharge, no-default, gb-pcsp) or a pack JSON file;
                           default: each plan's own default pack
  --format ndjson|table    ndjson (default): one JSON object per line;
                           table: a fixed-width summary for people
  --locale sv|nb|nn|en     language of messages (default: each plan's locale)
  --engine compiled|reference
                           compiled (default) or json-rules-engine (slow; audits)
  --max-line-bytes N       longest accepted line (default ${DEFAULT_MAX_LINE_BYTES})
  --threads N              threads that evaluate a large input, this one
                           included (default: one per core, at most 8; 1: no
                           worker threads); results are the same bytes, in
                           input order, either way
  -h, --help               this help

Exit codes: 0 every line was a valid plan, 1 some line was invalid, 2 wrong usage.
`;

/** Draws a progress bar on stderr (only used when it is a terminal). */
class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly stderr: Io['stderr'],
    private readonly total: number | null,
  ) {}
  update(bytes: number, lines: number): void {
    const now = Date.now();
    if (now - this.last < 150) return;
    this.last = now;
    // "Large" input: a big file, or many lines from a pipe.
    if (!this.shown && !((this.total ?? 0) > 1_000_000 || lines > 5000)) return;
    this.shown = true;
    const width = 30;
    let text: string;
    if (this.total) {
      const f = Math.min(1, bytes / this.total);
      const filled = Math.round(f * width);
      text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%  ${lines.toLocaleString('en')} plans`;
    } else {
      text = `${lines.toLocaleString('en')} plans`;
    }
    this.stderr.write(`\r${text}`);
  }
  done(): void {
    if (this.shown) this.stderr.write('\r\x1b[2K');
  }
}

/** Bytes of input per batch: large enough that handing a batch to a worker costs little, small enough to spread work early. */
const BATCH_BYTES = 512 * 1024;
/** Worker threads start with this batch: below it (about 1 MB of input) starting them costs more than it saves. */
const WORKERS_FROM_BATCH = 2;
/** Batches in flight per worker: one being evaluated, one waiting, so a worker does not idle while this thread evaluates one. */
const PER_WORKER = 2;
/** Default cap on evaluating threads. */
const DEFAULT_MAX_THREADS = 8;

/** A result waiting for its turn: bytes from a worker, or text from the main thread. */
type Ready = { plans: number; invalid: number } & ({ bytes: Uint8Array } | { text: string });

/** Worker threads that evaluate batches; each reply is matched to its batch by `seq`. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Workers that have loaded and can take batches, with the batches each has in hand. */
  private readonly load = new Map<Worker, number>();
  private readonly waiting = new Map<number, { resolve(r: Ready): void; reject(e: Error): void }>();
  private failure: Error | null = null;
  /** Why a worker could not start, if one could not. */
  startFailure: Error | null = null;

  constructor(args: readonly string[], count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { args } satisfies WorkerInput });
      this.workers.push(worker);
      worker.on('message', (m: WorkerReply) => this.onReply(worker, m));
      worker.on('error', (e: Error) => this.onStop(worker, e));
      worker.on('exit', (code) => this.onStop(worker, new Error(`a worker thread stopped (exit code ${code})`)));
    }
  }

  /** True when no worker is left that could ever start: the main thread does the work. */
  get broken(): boolean {
    return this.workers.length === 0;
  }

  /** The ready worker with the fewest batches in hand, when it has room for one more. */
  private pick(): Worker | undefined {
    let best: Worker | undefined;
    for (const [w, n] of this.load) if (n < PER_WORKER && (best === undefined || n < (this.load.get(best) as number))) best = w;
    return best;
  }

  /** True when a ready worker can take a batch now. */
  get hasRoom(): boolean {
    return this.pick() !== undefined;
  }

  /** Sends `batch` to the least busy ready worker (call only when {@link hasRoom}); its buffer is transferred. */
  submit(batch: LineBatch): Promise<Ready> {
    const worker = this.pick();
    if (this.failure || !worker) return Promise.reject(this.failure ?? new Error('no worker thread has room'));
    this.load.set(worker, (this.load.get(worker) as number) + 1);
    return new Promise<Ready>((resolve, reject) => {
      this.waiting.set(batch.seq, { resolve, reject });
      worker.postMessage(batch, [batch.data.buffer as ArrayBuffer]);
    });
  }

  private onReply(worker: Worker, m: WorkerReply): void {
    if ('ready' in m) {
      this.load.set(worker, 0);
      return;
    }
    this.load.set(worker, (this.load.get(worker) as number) - 1);
    const w = this.waiting.get(m.seq);
    this.waiting.delete(m.seq);
    if (!w) return;
    if ('failure' in m) w.reject(new Error(m.failure));
    else w.resolve({ bytes: m.bytes, plans: m.plans, invalid: m.invalid });
  }

  private onStop(worker: Worker, error: Error): void {
    const i = this.workers.indexOf(worker);
    if (i === -1) return; // closed, or its 'exit' after its 'error'
    this.workers.splice(i, 1);
    // One that never got ready (it could not load) is left out; one that stops mid-work loses batches.
    if (!this.load.delete(worker)) {
      this.startFailure ??= error;
      return;
    }
    this.failure ??= error;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const all = this.workers.splice(0);
    this.load.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/** Threads that evaluate plans, this one included. From TypeScript source (tsx does not load into workers) only this one. */
function threadCount(requested: number | undefined): number {
  if (!import.meta.url.endsWith('.js')) return 1;
  return requested ?? Math.max(1, Math.min(availableParallelism(), DEFAULT_MAX_THREADS));
}

/** Runs `sip-rules check`. */
export async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const options = parseCheckArgs(args);
  let total: number | null = null;
  if (io.stderr.isTTY && typeof io.stdin.fd === 'number') {
    try {
      const st = fstatSync(io.stdin.fd);
      if (st.isFile()) total = st.size;
    } catch {
      total = null;
    }
  }
  const progress = io.stderr.isTTY ? new Progress(io.stderr, total) : null;
  let bytes = 0;
  async function* counted(): AsyncGenerator<Buffer | string> {
    for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
      bytes += chunk.length;
      yield chunk;
    }
  }

  const inline = createBatchProcessor(options);
  const threads = threadCount(options.threads);
  let pool: WorkerPool | null = null;
  let invalid = 0;
  let plans = 0;
  // Results by batch, written strictly in batch order.
  const ready = new Map<number, Ready>();
  let nextToWrite = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let warned = false;

  const write = async (chunk: string | Uint8Array): Promise<void> => {
    if (!io.stdout.write(chunk)) await once(io.stdout, 'drain');
  };
  const writeReady = async (): Promise<void> => {
    for (let r = ready.get(nextToWrite); r; r = ready.get(nextToWrite)) {
      ready.delete(nextToWrite++);
      plans += r.plans;
      invalid += r.invalid;
      const out = 'bytes' in r ? r.bytes : r.text;
      if (out.length) await write(out);
    }
  };
  const track = (seq: number, p: Promise<Ready>): void => {
    const done: Promise<void> = p.then(
      (r) => {
        ready.set(seq, r);
      },
      (e: unknown) => {
        failure ??= e;
      },
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  const fromMain = async (batch: LineBatch): Promise<void> => {
    const out: BatchOutput = await inline(batch);
    ready.set(batch.seq, out);
  };

  if (options.format === 'table') await write(TABLE_HEADER);
  try {
    for await (const batch of readBatches(counted(), { maxLineBytes: options.maxLineBytes, targetBytes: BATCH_BYTES })) {
      progress?.update(bytes, plans);
      if (batch.seq === WORKERS_FROM_BATCH && threads > 1) pool = new WorkerPool(args, threads - 1);
      if (failure) throw failure;
      // This thread evaluates too whenever no worker has room: no thread waits while another has work queued.
      if (pool?.hasRoom) track(batch.seq, pool.submit(batch));
      else await fromMain(batch);
      if (pool?.broken && !warned) {
        warned = true;
        io.stderr.write(`sip-rules check: no worker thread could start (${pool.startFailure?.message.split('\n')[0] ?? 'unknown'}); going on in one thread.\n`);
      }
      await writeReady();
    }
    while (inFlight.size) {
      await Promise.race(inFlight);
      if (failure) throw failure;
      await writeReady();
    }
    if (failure) throw failure;
    await writeReady();
  } finally {
    await pool?.close();
  }
  progress?.done();
  return invalid > 0 ? 1 : 0;
}
