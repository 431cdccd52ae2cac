/**
 * `sip-rules check`: evaluates plans read as NDJSON from stdin and writes one
 * result per input line. An invalid line yields an error result with its line
 * number and the batch goes on; the exit code is 1 if any line was invalid.
 * @module
 */
import { fstatSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../dates.js';
import { SipValidationError, type SipIssue } from '../errors.js';
import { isLocale } from '../i18n/locales.js';
import { planIssues } from '../model/parse.js';
import { evaluatePlan, evaluatePlanAsync, type PlanEvaluation } from '../rules/evaluate.js';
import type { RulePack } from '../rules/pack.js';
import { packFromArg, UsageError, type Io } from './common.js';
import { readLines } from './lines.js';

/** Default bound on one input line: real plans are far smaller, and the plan model caps its own size. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

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
  -h, --help               this help

Exit codes: 0 every line was a valid plan, 1 some line was invalid, 2 wrong usage.
`;

interface CheckOptions {
  today: string;
  pack?: RulePack;
  format: 'ndjson' | 'table';
  locale?: string;
  engine: 'compiled' | 'reference';
  maxLineBytes: number;
}

function parseCheckArgs(args: readonly string[]): CheckOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        today: { type: 'string' },
        pack: { type: 'string' },
        format: { type: 'string' },
        locale: { type: 'string' },
        engine: { type: 'string' },
        'max-line-bytes': { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] ?? 'invalid arguments' : 'invalid arguments');
  }
  const today = values.today;
  if (typeof today !== 'string') throw new UsageError('--today YYYY-MM-DD is required');
  if (!isIsoDate(today)) throw new UsageError(`--today must be a real date as YYYY-MM-DD, got '${String(today).slice(0, 40)}'`);
  const format = (values.format ?? 'ndjson') as string;
  if (format !== 'ndjson' && format !== 'table') throw new UsageError(`--format is ndjson or table, got '${format.slice(0, 40)}'`);
  const engine = (values.engine ?? 'compiled') as string;
  if (engine !== 'compiled' && engine !== 'reference') throw new UsageError(`--engine is compiled or reference, got '${engine.slice(0, 40)}'`);
  const locale = values.locale as string | undefined;
  if (locale !== undefined && !isLocale(locale)) throw new UsageError(`--locale is sv, nb, nn or en, got '${locale.slice(0, 40)}'`);
  const maxRaw = (values['max-line-bytes'] ?? String(DEFAULT_MAX_LINE_BYTES)) as string;
  const maxLineBytes = Number(maxRaw);
  if (!/^\d+$/.test(maxRaw) || maxLineBytes < 2 || maxLineBytes > 1024 * 1024 * 1024) {
    throw new UsageError('--max-line-bytes is a whole number of bytes between 2 and 1073741824');
  }
  return {
    today,
    format,
    engine,
    maxLineBytes,
    ...(values.pack !== undefined ? { pack: packFromArg(values.pack as string) } : {}),
    ...(locale !== undefined ? { locale } : {}),
  };
}

/** One output record. */
type LineResult =
  | ({ line: number; ok: true } & PlanEvaluation)
  | { line: number; ok: false; error: { code: string; message: string; issues?: SipIssue[] } };

function errorResult(line: number, code: string, message: string, issues?: SipIssue[]): LineResult {
  return { line, ok: false, error: issues ? { code, message, issues: issues.slice(0, 20) } : { code, message } };
}

const TABLE_HEADER = `${'line'.padStart(7)}  ${'plan'.padEnd(24)} ${'pack'.padEnd(17)} ${'complete'.padEnd(8)} ${'overdue'.padStart(7)}  missing / error\n`;

function tableRow(r: LineResult): string {
  const line = String(r.line).padStart(7);
  if (!r.ok) return `${line}  ${'-'.padEnd(24)} ${'-'.padEnd(17)} ${'ERROR'.padEnd(8)} ${'-'.padStart(7)}  ${r.error.code}: ${r.error.message.slice(0, 120)}\n`;
  const overdue = r.deadlines.filter((d) => d.status === 'overdue').length;
  const missing = [...new Set(r.completeness.missing.map((m) => m.code))].join(', ');
  return `${line}  ${r.planId.slice(0, 24).padEnd(24)} ${r.pack.id.padEnd(17)} ${(r.completeness.complete ? 'yes' : 'no').padEnd(8)} ${String(overdue).padStart(7)}  ${missing}\n`;
}

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

/** Runs `sip-rules check`. */
export async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const options = parseCheckArgs(args);
  const evalOptions = {
    today: options.today,
    ...(options.pack ? { pack: options.pack } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  };
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

  let invalid = 0;
  let count = 0;
  let out: string[] = [];
  let pending = 0;
  const flush = async (): Promise<void> => {
    if (!out.length) return;
    const chunk = out.join('');
    out = [];
    pending = 0;
    if (!io.stdout.write(chunk)) await once(io.stdout, 'drain');
  };
  const emit = async (r: LineResult): Promise<void> => {
    if (!r.ok) invalid++;
    const text = options.format === 'table' ? tableRow(r) : `${JSON.stringify(r)}\n`;
    out.push(text);
    pending += text.length;
    if (pending > 64 * 1024) await flush();
  };
  if (options.format === 'table') out.push(TABLE_HEADER);

  for await (const line of readLines(counted(), options.maxLineBytes)) {
    progress?.update(bytes, count);
    if (line.tooLong) {
      await emit(errorResult(line.number, 'line-too-long', `The line is longer than ${options.maxLineBytes} bytes`));
      count++;
      continue;
    }
    if (line.text.trim() === '') continue;
    count++;
    let input: unknown;
    try {
      input = JSON.parse(line.text);
    } catch {
      await emit(errorResult(line.number, 'json-invalid', 'The line is not valid JSON'));
      continue;
    }
    const { plan, issues } = planIssues(input);
    if (!plan) {
      await emit(errorResult(line.number, 'plan-invalid', new SipValidationError(issues).message, issues));
      continue;
    }
    try {
      const result = options.engine === 'reference' ? await evaluatePlanAsync(plan, { ...evalOptions, engine: 'reference' }) : evaluatePlan(plan, evalOptions);
      await emit({ line: line.number, ok: true, ...result });
    } catch (e) {
      if (!SipValidationError.is(e)) throw e;
      await emit(errorResult(line.number, 'evaluation-failed', e.message, e.issues));
    }
  }
  await flush();
  progress?.done();
  return invalid > 0 ? 1 : 0;
}
