/**
 * Cuts a byte stream into batches of whole lines for `sip-rules check`, with
 * the same bound on line length as `readLines` (an over-long line is skipped up
 * to its newline and reported, never held whole). A batch is one contiguous
 * buffer so it can be handed to a worker thread without copying line by line.
 * @module
 */

/** Whole lines of input, each ended by `\n` in `data`. */
export interface LineBatch {
  /** Position of the batch in the input, from 0: results are written in this order. */
  seq: number;
  /** The 1-based number of the first line in `data`. */
  first: number;
  /** The lines' bytes, each line (`\r` included) followed by `\n`; an over-long line is an empty line here. */
  data: Uint8Array;
  /** Numbers of the lines that were longer than the bound, in order. */
  tooLong: number[];
}

/** Options of {@link readBatches}. */
export interface BatchOptions {
  /** Longest accepted line in bytes, without its `\n`. */
  maxLineBytes: number;
  /** A batch is closed after the first line that brings it to this many bytes. */
  targetBytes: number;
}

/**
 * Yields batches of the lines of `input`. Line numbering, `\r\n` handling and
 * the over-long rule are those of `readLines`: a last line without `\n` counts
 * when it has bytes, and a line of more than `maxLineBytes` bytes is too long.
 */
export async function* readBatches(input: AsyncIterable<Buffer | string>, options: BatchOptions): AsyncGenerator<LineBatch> {
  const { maxLineBytes, targetBytes } = options;
  let seq = 0;
  let first = 1;
  let lines = 0;
  let tooLong: number[] = [];
  // Not from Buffer's shared pool: a batch's memory is transferred to a worker. Room for a
  // batch and a line as long again, so a batch rarely has to grow (and be copied).
  const capacity = Math.max(2 * targetBytes, 1024);
  let buf = Buffer.allocUnsafeSlow(capacity);
  let used = 0;
  /** Where the line being read starts in `buf`, and its length so far (counted on even when skipping). */
  let lineStart = 0;
  let lineBytes = 0;
  let skipping = false;

  const ensure = (extra: number): void => {
    if (used + extra <= buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(buf.length * 2, used + extra));
    buf.copy(next, 0, 0, used);
    buf = next;
  };
  const endLine = (): void => {
    if (skipping) {
      tooLong.push(first + lines);
      used = lineStart;
      skipping = false;
    }
    ensure(1);
    buf[used++] = 0x0a;
    lines++;
    lineStart = used;
    lineBytes = 0;
  };
  const take = (): LineBatch => {
    // The batch keeps the buffer (it is handed over whole); a started line moves to a fresh one.
    const data = new Uint8Array(buf.buffer, buf.byteOffset, lineStart);
    const next = Buffer.allocUnsafeSlow(Math.max(capacity, used - lineStart));
    buf.copy(next, 0, lineStart, used);
    buf = next;
    used -= lineStart;
    lineStart = 0;
    const batch: LineBatch = { seq: seq++, first, data, tooLong };
    first += lines;
    lines = 0;
    tooLong = [];
    return batch;
  };

  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    while (start < bytes.length) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl === -1 ? bytes.length : nl;
      lineBytes += end - start;
      if (!skipping) {
        if (lineBytes > maxLineBytes) {
          skipping = true;
          used = lineStart;
        } else {
          ensure(end - start);
          bytes.copy(buf, used, start, end);
          used += end - start;
        }
      }
      if (nl === -1) break;
      endLine();
      start = nl + 1;
      if (lineStart >= targetBytes) yield take();
    }
  }
  if (lineBytes > 0 || skipping) endLine();
  if (lines > 0) yield take();
}
