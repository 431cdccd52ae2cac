#!/usr/bin/env node
/**
 * `sip-rules serve`: the rules as a CDS Hooks 2.0 service over HTTP.
 *
 *   sip-rules serve [--port 3000] [--host 127.0.0.1] [--pack se-default|pack.json] [--today YYYY-MM-DD] [--locale sv]
 *
 * The server itself lives in `@sip-kit/adapters/cds-hooks` (it reads FHIR
 * prefetch with the adapters' FHIR mapping). Core must never depend on the
 * adapters, so it is loaded by name at run time, and only for this command.
 * @module
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { assertIsoDate, type IsoDate } from '../dates.js';
import { SipValidationError } from '../errors.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import type { RulePack } from '../rules/pack.js';
import { UsageError, packFromArg, type Io } from './common.js';

/** Help text of `sip-rules serve`. */
export const SERVE_HELP = `Usage: sip-rules serve [options]

Serves the rules over CDS Hooks 2.0 (needs @sip-kit/adapters installed):
  GET  /cds-services                       discovery
  POST /cds-services/patient-view          suggest a plan, warn about overdue deadlines
  POST /cds-services/encounter-discharge   when the discharge SIP invitation is due
See docs/cds-hooks.md for the prefetch templates.

Options:
  --port <n>         TCP port, 0 for any free one (default 3000)
  --host <address>   interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --pack <id|file>   rule pack: a built-in id (sip-rules packs) or a pack .json file
  --today <date>     judge deadlines on this day instead of today's UTC date (demos, replays)
  --locale <locale>  card language when a request asks for none: sv, nb, nn, en (default sv)
Stops on SIGINT or SIGTERM.
`;

/** What serve needs from `@sip-kit/adapters/cds-hooks` (declared here: core has no type dependency on the adapters). */
interface CdsHooksModule {
  startCdsHooksServer(options: { port: number; host: string; pack?: RulePack; today?: IsoDate; locale?: Locale }): Promise<{ url: string; close(): Promise<void> }>;
}

// A variable, not a literal: TypeScript and bundlers must not try to resolve the adapters while building core.
const ADAPTERS_ENTRY = '@sip-kit/adapters/cds-hooks';

interface ServeArgs {
  port: number;
  host: string;
  pack?: RulePack;
  today?: IsoDate;
  locale?: Locale;
}

/** Parses the options of `sip-rules serve`. @throws UsageError */
export function parseServeArgs(args: readonly string[]): ServeArgs {
  const out: ServeArgs = { port: 3000, host: '127.0.0.1' };
  for (let i = 0; i < args.length; i++) {
    const flag = String(args[i]);
    const [name, inline] = flag.startsWith('--') && flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--port': {
        const v = value();
        if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new UsageError(`--port is a number from 0 to 65535, got '${v.slice(0, 20)}'`);
        out.port = Number(v);
        break;
      }
      case '--host':
        out.host = value().slice(0, 255);
        break;
      case '--pack':
        out.pack = packFromArg(value());
        break;
      case '--today': {
        const v = value();
        try {
          assertIsoDate(v);
        } catch (e) {
          if (SipValidationError.is(e)) throw new UsageError(`--today is a date like 2026-11-25, got '${v.slice(0, 20)}'`);
          throw e;
        }
        out.today = v;
        break;
      }
      case '--locale': {
        const v = value();
        if (!isLocale(v)) throw new UsageError(`--locale is sv, nb, nn or en, got '${v.slice(0, 20)}'`);
        out.locale = v;
        break;
      }
      default:
        throw new UsageError(`unknown argument '${flag.slice(0, 40)}'`);
    }
  }
  return out;
}

function isMissingAdapters(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') && String((error as Error).message).includes('@sip-kit/adapters');
}

/**
 * Runs `sip-rules serve`: starts the server, prints its discovery URL on
 * stdout, and resolves with 0 once SIGINT or SIGTERM has closed it (1 when
 * `@sip-kit/adapters` is not installed or the port cannot be bound).
 * @throws UsageError for bad options.
 */
export async function runServe(args: readonly string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  const options = parseServeArgs(args);
  let adapters: CdsHooksModule;
  try {
    adapters = (await import(ADAPTERS_ENTRY)) as CdsHooksModule;
  } catch (error) {
    if (!isMissingAdapters(error)) throw error;
    io.stderr.write('sip-rules serve: needs @sip-kit/adapters — install it next to @sip-kit/core (npm install @sip-kit/adapters).\n');
    return 1;
  }
  let server: { url: string; close(): Promise<void> };
  try {
    server = await adapters.startCdsHooksServer(options);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      io.stderr.write(`sip-rules serve: cannot listen on ${options.host}:${options.port} (${String(code)}).\n`);
      return 1;
    }
    throw error;
  }
  io.stdout.write(`sip-rules serve: CDS Hooks discovery at ${server.url}/cds-services\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

// Run directly (`node serve.js --port 3000`) as well as through sip-rules.
const entry = process.argv[1];
let direct = false;
try {
  direct = entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
} catch {
  // argv[1] is not a file (a REPL, a bundler): not run directly.
}
if (direct) {
  const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  runServe(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`sip-rules serve: ${e instanceof Error ? e.message : String(e)}${e instanceof UsageError ? '\nSee sip-rules serve --help.' : ''}\n`);
      process.exitCode = e instanceof UsageError ? 2 : 70;
    },
  );
}
