/**
 * The per-line work of `sip-rules check`: options, and turning a batch of
 * input lines into result lines. Shared by the main thread and the worker
 * threads, so every thread gives the same bytes.
 * @module
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../dates.js';
import { SipValidationError, type SipIssue } from '../errors.js';
import { isLocale } from '../i18n/locales.js';
import type { Plan } from '../model/plan.js';
import { evaluatePlan, evaluatePlanAsync, type EvaluateOptions, type PlanEvaluation } from '../rules/evaluate.js';
import type { RulePack } from '../rules/pack.js';
import type { LineBatch } from './batches.js';
import { packFromArg, UsageError } from './common.js';
import { planIssuesFromJson } from './fast-plan.js';

/** Default bound on one input line: real plans are far smaller, and the plan model caps its own size. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Most threads `--threads` accepts. */
export const MAX_THREADS = 16;

/** The options of `sip-rules check`, parsed. */
export interface CheckOptions {
  /** `--today`. */
  today: string;
  /** `--pack`, loaded; absent means each plan's default pack. */
  pack?: RulePack;
  /** `--format`. */
  format: 'ndjson' | 'table';
  /** `--locale`. */
  locale?: string;
  /** `--engine`. */
  engine: 'compiled' | 'reference';
  /** `--max-line-bytes`. */
  maxLineBytes: number;
  /** `--threads`: threads that evaluate a large input, the main one included; absent means one per core. */
  threads?: number;
}

/**
 * Parses the arguments of `sip-rules check` (worker threads parse the same
 * arguments again, so a pack file is read in each thread).
 * @throws UsageError
 */
export function parseCheckArgs(args: readonly string[]): CheckOptions {
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
        threads: { type: 'string' },
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
  const threadsRaw = values.threads as string | undefined;
  if (threadsRaw !== undefined && (!/^\d{1,2}$/.test(threadsRaw) || Number(threadsRaw) < 1 || Number(threadsRaw) > MAX_THREADS)) {
    throw new UsageError(`--threads is a whole number from 1 to ${MAX_THREADS}, got '${threadsRaw.slice(0, 40)}'`);
  }
  return {
    today,
    format,
    engine,
    maxLineBytes,
    ...(threadsRaw !== undefined ? { threads: Number(threadsRaw) } : {}),
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

/** First line of `--format table`. */
export const TABLE_HEADER = `${'line'.padStart(7)}  ${'plan'.padEnd(24)} ${'pack'.padEnd(17)} ${'complete'.padEnd(8)} ${'overdue'.padStart(7)}  missing / error\n`;

function tableRow(r: LineResult): string {
  const line = String(r.line).padStart(7);
  if (!r.ok) return `${line}  ${'-'.padEnd(24)} ${'-'.padEnd(17)} ${'ERROR'.padEnd(8)} ${'-'.padStart(7)}  ${r.error.code}: ${r.error.message.slice(0, 120)}\n`;
  const overdue = r.deadlines.filter((d) => d.status === 'overdue').length;
  const missing = [...new Set(r.completeness.missing.map((m) => m.code))].join(', ');
  return `${line}  ${r.planId.slice(0, 24).padEnd(24)} ${r.pack.id.padEnd(17)} ${(r.completeness.complete ? 'yes' : 'no').padEnd(8)} ${String(overdue).padStart(7)}  ${missing}\n`;
}

/** What one batch gave: its result lines, and how many lines were plans / invalid. */
export interface BatchOutput {
  /** The result lines, in input order. */
  text: string;
  /** Lines that were not blank. */
  plans: number;
  /** Lines that gave an error result. */
  invalid: number;
}

/** Evaluates batches of lines with fixed options. */
export type BatchProcessor = (batch: LineBatch) => Promise<BatchOutput>;

/** A {@link BatchProcessor} for `options`. */
export function createBatchProcessor(options: CheckOptions): BatchProcessor {
  const evalOptions: EvaluateOptions = {
    today: options.today,
    ...(options.pack ? { pack: options.pack } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  };
  const reference = options.engine === 'reference';
  const table = options.format === 'table';
  const tooLongMessage = `The line is longer than ${options.maxLineBytes} bytes`;

  return async (batch) => {
    const data = Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength);
    let text = '';
    let plans = 0;
    let invalid = 0;
    let nextTooLong = 0;
    const error = (r: LineResult): void => {
      invalid++;
      text += table ? tableRow(r) : `${JSON.stringify(r)}\n`;
    };
    let number = batch.first - 1;
    for (let start = 0; start < data.length; ) {
      const nl = data.indexOf(0x0a, start);
      let end = nl === -1 ? data.length : nl;
      const from = start;
      start = end + 1;
      number++;
      if (batch.tooLong[nextTooLong] === number) {
        nextTooLong++;
        plans++;
        error(errorResult(number, 'line-too-long', tooLongMessage));
        continue;
      }
      if (end > from && data[end - 1] === 0x0d) end--;
      // Decoded line by line: V8 decodes a few kilobytes many times faster than one string of a whole batch.
      const line = data.toString('utf8', from, end);
      // Most lines start with `{`; only the others can be blank.
      if (line.charCodeAt(0) !== 0x7b && line.trim() === '') continue;
      plans++;
      let input: unknown;
      try {
        input = JSON.parse(line);
      } catch {
        error(errorResult(number, 'json-invalid', 'The line is not valid JSON'));
        continue;
      }
      const { plan, issues } = planIssuesFromJson(input);
      if (!plan) {
        error(errorResult(number, 'plan-invalid', new SipValidationError(issues).message, issues));
        continue;
      }
      let result: PlanEvaluation;
      try {
        result = reference ? await evaluatePlanAsync(plan as Plan, { ...evalOptions, engine: 'reference' }) : evaluatePlan(plan, evalOptions);
      } catch (e) {
        if (!SipValidationError.is(e)) throw e;
        error(errorResult(number, 'evaluation-failed', e.message, e.issues));
        continue;
      }
      // Same bytes as JSON.stringify({ line, ok: true, ...result }), without copying the result.
      text += table ? tableRow({ line: number, ok: true, ...result }) : `{"line":${number},"ok":true,${JSON.stringify(result).slice(1)}\n`;
    }
    return { text, plans, invalid };
  };
}
