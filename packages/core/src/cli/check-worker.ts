/**
 * Worker thread of `sip-rules check`: parses the same arguments as the main
 * thread, then turns each batch it is sent into result bytes. The main thread
 * writes them in input order.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LineBatch } from './batches.js';
import { createBatchProcessor, parseCheckArgs } from './check-batch.js';

/** A batch's results, as the worker posts them (`bytes` is transferred, not copied). */
export type WorkerReply =
  | { seq: number; bytes: Uint8Array; plans: number; invalid: number }
  | { seq: number; failure: string }
  | { ready: true };

/** What the main thread passes as `workerData`. */
export interface WorkerInput {
  /** The arguments of `sip-rules check`. */
  args: readonly string[];
}

const port = parentPort;
if (port) {
  const run = createBatchProcessor(parseCheckArgs((workerData as WorkerInput).args));
  // Encoding here, not on the main thread, keeps the main thread free to read and write.
  const encoder = new TextEncoder();
  port.on('message', (batch: LineBatch) => {
    run(batch).then(
      (out) => {
        const bytes = encoder.encode(out.text);
        const reply: WorkerReply = { seq: batch.seq, bytes, plans: out.plans, invalid: out.invalid };
        port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
      },
      (e: unknown) => {
        const reply: WorkerReply = { seq: batch.seq, failure: e instanceof Error ? e.message : String(e) };
        port.postMessage(reply);
      },
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
