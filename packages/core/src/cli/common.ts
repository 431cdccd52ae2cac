/**
 * Shared pieces of the `sip-rules` subcommands.
 * @module
 */
// The CLI is Node: every built-in pack and locale is there synchronously.
import '../rules/all-packs.js';
import '../i18n/all-locales.js';
import { readFileSync } from 'node:fs';
import { SipValidationError } from '../errors.js';
import { getBuiltinPack, isBuiltinPackId, BUILTIN_PACK_IDS } from '../rules/builtin.js';
import { loadRulePack } from '../rules/load-pack.js';
import type { RulePack } from '../rules/pack.js';

/** The streams a command talks to (injectable for tests). */
export interface Io {
  /** Input. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; fd?: number };
  /** Results. */
  stdout: NodeJS.WritableStream;
  /** Diagnostics and progress. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** A subcommand: arguments after its name → exit code. */
export type Command = (args: readonly string[], io: Io) => Promise<number>;

/** Wrong usage: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A pack from `--pack`: a built-in id or a path to a pack JSON file. */
export function packFromArg(value: string): RulePack {
  if (isBuiltinPackId(value)) return getBuiltinPack(value);
  if (!/\.json$/i.test(value)) throw new UsageError(`--pack is a built-in pack (${BUILTIN_PACK_IDS.join(', ')}) or a .json file, got '${value.slice(0, 80)}'`);
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch {
    throw new UsageError(`cannot read the pack file '${value.slice(0, 200)}'`);
  }
  try {
    return loadRulePack(JSON.parse(text));
  } catch (e) {
    if (SipValidationError.is(e)) throw new UsageError(`the pack '${value.slice(0, 200)}' is not valid: ${e.message}`);
    throw new UsageError(`the pack '${value.slice(0, 200)}' is not JSON`);
  }
}
