#!/usr/bin/env node
/**
 * `sip-rules` — the command-line face of sip-kit's rules.
 *
 *   sip-rules check --today 2026-11-25 [--pack se-default|pack.json] [--format ndjson|table] < plans.ndjson
 *   sip-rules packs
 *   sip-rules serve --port 3000
 *
 * Each subcommand is one entry in COMMANDS, so adding one (e.g. `serve` for
 * CDS Hooks) is a new module and one line here.
 * @module
 */
import { SIP_KIT_VERSION as VERSION } from '../version.js';
import { runCheck, CHECK_HELP } from './check.js';
import { runPacks, PACKS_HELP } from './packs.js';
import { runServe, SERVE_HELP } from './serve.js';
import { UsageError, type Command, type Io } from './common.js';

const COMMANDS: Readonly<Record<string, { run: Command; help: string; summary: string }>> = {
  check: { run: runCheck, help: CHECK_HELP, summary: 'evaluate plans read as NDJSON from stdin, one result line per plan' },
  packs: { run: runPacks, help: PACKS_HELP, summary: 'list the built-in rule packs' },
  serve: { run: runServe, help: SERVE_HELP, summary: 'serve the rules over CDS Hooks 2.0 (needs @sip-kit/adapters)' },
};

const HELP = `sip-rules ${VERSION} — rules for coordinated individual plans (SIP, IP, person-centred plans)

Usage: sip-rules <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Options:
  -h, --help      show help (also: sip-rules <command> --help)
  -v, --version   show the version

Exit codes: 0 ok, 1 some input was invalid, 2 wrong usage.
`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(HELP);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    io.stderr.write(`sip-rules: unknown command '${first.slice(0, 40)}'. Commands: ${Object.keys(COMMANDS).join(', ')}. See sip-rules --help.\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`sip-rules ${first}: ${e.message}\nSee sip-rules ${first} --help.\n`);
      return 2;
    }
    throw e;
  }
}

const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sip-rules: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
