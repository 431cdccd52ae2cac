/**
 * The CLI's first line splitter, kept as the oracle for `cli/batches.ts`: it
 * splits a byte stream into lines with a bound on line length (an over-long
 * line is reported as such and skipped up to its newline), one line at a time.
 * The batch reader must give the same lines, numbers and over-long lines.
 * @module
 */

/** One line of input: its 1-based number and text, or `tooLong` when it exceeded the bound. */
export type InputLine = { number: number; text: string; tooLong?: false } | { number: number; tooLong: true; bytes: number };

/** Yields the lines of `input` (a stream of Buffers/strings); `\r\n` and `\n` both end a line. */
export async function* readLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let number = 0;
  const finish = (): InputLine => {
    number++;
    if (skipping) {
      const line: InputLine = { number, tooLong: true, bytes: size };
      skipping = false;
      parts = [];
      size = 0;
      return line;
    }
    let buf = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
    if (buf.length && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
    parts = [];
    size = 0;
    return { number, text: buf.toString('utf8') };
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(0x0a, start);
      const end = nl === -1 ? buf.length : nl;
      const piece = buf.subarray(start, end);
      size += piece.length;
      if (!skipping) {
        if (size > maxBytes) {
          skipping = true;
          parts = [];
        } else if (piece.length) {
          // A tail that continues in the next chunk is copied, in case the stream reuses its buffers.
          parts.push(nl === -1 ? Buffer.from(piece) : piece);
        }
      }
      if (nl === -1) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (size > 0 || skipping) yield finish();
}
