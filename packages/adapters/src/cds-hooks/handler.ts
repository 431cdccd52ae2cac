/**
 * The HTTP face of the CDS Hooks services: routing, CORS, body limits,
 * validation and error answers, for `node:http`. Stateless: every answer
 * depends only on the request and the handler's options, so any number of
 * instances can run behind a load balancer.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, JURISDICTIONS, getBuiltinPack, isIsoDate, resolveLocale, resolvePack, type BuiltinPackId, type IsoDate, type Jurisdiction, type Locale, type RulePack } from '@sip-kit/core';
import { encounterDischargeCards, patientViewCards, type CardSettings, type CdsCard, type PatientFacts } from './cards.js';
import { PrefetchError, isAbsent, readEncounter, readEpisodes, readPatient, readPlans } from './prefetch.js';
import { CONTEXT_SCHEMAS, CdsRequestSchema, describeIssues, type CdsRequest } from './request.js';
import { CDS_SERVICES, JURISDICTION_EXTENSION, LOCALE_EXTENSION, isCdsServiceId, type CdsServiceId } from './services.js';

/** Options of {@link createCdsHooksHandler}. */
export interface CdsHooksOptions {
  /** The pack for eligibility and plan deadlines (a pack or built-in id); default: each plan's, or the jurisdiction's, default pack. */
  pack?: RulePack | BuiltinPackId;
  /** The pack for the discharge invitation deadline; default `se-discharge`, or `pack` when it covers `se-sip-discharge` plans. */
  dischargePack?: RulePack | BuiltinPackId;
  /** Whose law applies when the request does not say; default the pack's jurisdiction, else `SE`. */
  jurisdiction?: Jurisdiction;
  /** Card language when the request asks for none; default `sv`. */
  locale?: Locale;
  /** The day rules are judged on (for tests and replays): a date or a function giving one. Default: the server's UTC date. */
  today?: IsoDate | (() => IsoDate);
  /** Largest request body in bytes; default 1 MiB. */
  maxBodyBytes?: number;
  /** Longest time to receive a body, in ms; default 10 000. */
  bodyTimeoutMs?: number;
  /** `Access-Control-Allow-Origin`; default `*` (CDS clients run in browsers on origins the service cannot know). */
  corsOrigin?: string;
  /**
   * Decides whether a request may be served (e.g. verify the client's JWT).
   * Return false for 401. Default: every request — put the service behind a
   * gateway that authenticates, or pass a check here.
   */
  authorize?: (req: IncomingMessage) => boolean | Promise<boolean>;
  /** Told of unexpected failures (answered with 500); default: one line on stderr. */
  onError?: (error: unknown) => void;
  /** Makes card ids; default `crypto.randomUUID`. */
  createId?: () => string;
}

/** A `node:http` request listener. */
export type CdsHooksHandler = (req: IncomingMessage, res: ServerResponse) => void;

const MiB = 1024 * 1024;
const JSON_TYPE = /^application\/(fhir\+)?json\s*(;|$)/i;

/** An answer that ends the request: status, OperationOutcome code and a message. */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A FHIR OperationOutcome, the error body CDS clients built on FHIR already parse. */
function outcome(code: string, diagnostics: string): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: diagnostics.slice(0, 2000) }] };
}

function utcToday(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** The best supported locale in an `Accept-Language` header, by q-value; undefined when none is listed. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag !== '' && x.tag !== '*' && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  // Only a language we actually speak wins; resolveLocale would map any other tag to English.
  const known = ranked.find((x) => /^(sv|nb|no|nn|en)(-|$)/.test(x.tag));
  return known ? resolveLocale(known.tag) : ranked.length ? 'en' : undefined;
}

function extensionString(request: CdsRequest, key: string): string | undefined {
  const v = request.extension?.[key];
  return typeof v === 'string' ? v.slice(0, 100) : undefined;
}

/**
 * A `node:http` request listener serving CDS Hooks 2.0:
 * - `GET /cds-services` — discovery;
 * - `POST /cds-services/patient-view`, `POST /cds-services/encounter-discharge` — cards;
 * - `POST /cds-services/{id}/feedback` — accepted and dropped (the service keeps no state);
 * - `OPTIONS` on each — CORS preflight.
 * Bad requests get 400, unknown paths 404, wrong methods 405 (with `Allow`),
 * non-JSON bodies 415, bodies over the limit 413, slow bodies 408, missing
 * prefetch 412 — each with an OperationOutcome body. Never throws.
 */
export function createCdsHooksHandler(options: CdsHooksOptions = {}): CdsHooksHandler {
  // Resolve packs once, so a bad option fails at start-up instead of on the first request.
  const pack = options.pack === undefined ? undefined : resolvePack(options.pack, {});
  const dischargePack =
    options.dischargePack !== undefined
      ? resolvePack(options.dischargePack, {})
      : pack && (pack.planTypes as readonly string[]).includes('se-sip-discharge')
        ? pack
        : getBuiltinPack('se-discharge');
  const defaultJurisdiction: Jurisdiction = options.jurisdiction ?? pack?.jurisdiction ?? 'SE';
  const defaultLocale = options.locale ?? DEFAULT_LOCALE;
  const maxBody = options.maxBodyBytes ?? MiB;
  const bodyTimeout = options.bodyTimeoutMs ?? 10_000;
  const createId = options.createId ?? randomUUID;
  const onError = options.onError ?? ((error: unknown) => process.stderr.write(`sip-kit cds-hooks: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  const today = (): IsoDate => {
    const value = typeof options.today === 'function' ? options.today() : (options.today ?? utcToday());
    if (!isIsoDate(value)) throw new Error(`today is not a date: ${String(value).slice(0, 40)}`);
    return value;
  };
  const cors: Record<string, string> = {
    'Access-Control-Allow-Origin': options.corsOrigin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization, Accept, Accept-Language',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...cors,
      // Cards name a patient's plans: no cache may keep them.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }),
      ...headers,
    });
    res.end(text);
  };

  const readBody = (req: IncomingMessage): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const type = req.headers['content-type'];
      if (!type || !JSON_TYPE.test(type)) {
        reject(new HttpProblem(415, 'not-supported', 'The body must be JSON (Content-Type: application/json)'));
        return;
      }
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBody) {
        reject(new HttpProblem(413, 'too-long', `The body is larger than ${maxBody} bytes`, { Connection: 'close' }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (error: HttpProblem | undefined, value?: unknown): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.removeAllListeners('data');
        if (error) reject(error);
        else resolve(value);
      };
      const timer = setTimeout(() => finish(new HttpProblem(408, 'timeout', `The body did not arrive within ${bodyTimeout} ms`, { Connection: 'close' })), bodyTimeout);
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) finish(new HttpProblem(413, 'too-long', `The body is larger than ${maxBody} bytes`, { Connection: 'close' }));
        else chunks.push(chunk);
      });
      req.on('error', () => finish(new HttpProblem(400, 'invalid', 'The body could not be read')));
      req.on('end', () => {
        if (settled) return;
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          // Dropping "__proto__" keys keeps a hostile body from giving parsed objects a prototype.
          finish(undefined, JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)));
        } catch {
          finish(new HttpProblem(400, 'invalid', 'The body is not valid JSON'));
        }
      });
    });

  const cards = (id: CdsServiceId, body: unknown, acceptLanguage: string | undefined): { cards: CdsCard[]; locale: Locale } => {
    const parsed = CdsRequestSchema.safeParse(body);
    if (!parsed.success) throw new HttpProblem(400, 'invalid', `Not a CDS Hooks request: ${describeIssues(parsed.error).join('; ')}`);
    const request = parsed.data;
    const service = CDS_SERVICES.find((s) => s.id === id);
    if (request.hook !== service?.hook) throw new HttpProblem(400, 'invalid', `This service answers the hook '${service?.hook ?? ''}', not '${request.hook.slice(0, 60)}'`);
    const context = CONTEXT_SCHEMAS[id].safeParse(request.context);
    if (!context.success) throw new HttpProblem(400, 'invalid', `Bad context: ${describeIssues(context.error, ['context']).join('; ')}`);
    const asked = extensionString(request, LOCALE_EXTENSION);
    const locale = asked !== undefined ? resolveLocale(asked) : (localeFromAcceptLanguage(acceptLanguage) ?? defaultLocale);
    const j = extensionString(request, JURISDICTION_EXTENSION)?.toUpperCase();
    const jurisdiction = j !== undefined && (JURISDICTIONS as readonly string[]).includes(j) ? (j as Jurisdiction) : defaultJurisdiction;

    const prefetch = request.prefetch ?? {};
    const missing = ['episodes', 'plans'].filter((k) => isAbsent(prefetch[k]));
    if (missing.length) {
      // CDS Hooks 2.0: a service that cannot get the data it needs answers 412. This one never calls fhirServer itself.
      throw new HttpProblem(412, 'incomplete', `Prefetch ${missing.join(' and ')} missing: send the prefetch templates listed by GET /cds-services`);
    }
    let facts: PatientFacts;
    try {
      const read = readPlans(prefetch.plans);
      facts = {
        patientId: context.data.patientId,
        birthDate: readPatient(prefetch.patient).birthDate,
        episodes: readEpisodes(prefetch.episodes),
        plans: read.plans,
        unreadablePlans: read.unreadable,
        encounter: id === 'encounter-discharge' ? readEncounter(prefetch.encounter) : undefined,
      };
    } catch (e) {
      if (e instanceof PrefetchError) throw new HttpProblem(400, 'invalid', `Bad prefetch: ${e.problems.join('; ')}`);
      throw e;
    }
    const settings: CardSettings = { today: today(), locale, jurisdiction, pack, dischargePack, createId };
    return { cards: id === 'patient-view' ? patientViewCards(facts, settings) : encounterDischargeCards(facts, settings), locale };
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    const parts = url.split('/').filter((p) => p !== '');
    const method = req.method ?? 'GET';
    if (parts[0] !== 'cds-services' || parts.length > 3 || (parts.length === 3 && parts[2] !== 'feedback')) {
      throw new HttpProblem(404, 'not-found', 'Not found: the services are listed at GET /cds-services');
    }
    const id = parts[1];
    if (id !== undefined && !isCdsServiceId(id)) throw new HttpProblem(404, 'not-found', `No CDS service '${decodeSafe(id).slice(0, 60)}'`);
    const allow = id === undefined ? 'GET, OPTIONS' : 'POST, OPTIONS';
    if (method === 'OPTIONS') {
      send(res, 204, undefined, { Allow: allow });
      return;
    }
    if (!allow.split(', ').includes(method)) throw new HttpProblem(405, 'not-supported', `Method ${method.slice(0, 20)} not allowed here`, { Allow: allow });
    if (options.authorize && !(await options.authorize(req))) throw new HttpProblem(401, 'login', 'Not authorised', { 'WWW-Authenticate': 'Bearer' });
    if (id === undefined) {
      send(res, 200, { services: CDS_SERVICES });
      return;
    }
    const body = await readBody(req);
    if (parts[2] === 'feedback') {
      // Feedback is welcome but the service keeps no state, so it is only checked for shape.
      if (!body || typeof body !== 'object' || !Array.isArray((body as { feedback?: unknown }).feedback)) {
        throw new HttpProblem(400, 'invalid', 'Feedback must be { "feedback": [...] }');
      }
      send(res, 200, {});
      return;
    }
    const answer = cards(id, body, headerString(req.headers['accept-language']));
    send(res, 200, { cards: answer.cards }, { 'Content-Language': answer.locale });
  };

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpProblem) {
        send(res, error.status, outcome(error.code, error.message), error.headers);
        // Unread body bytes would otherwise wait on a connection we are closing.
        if (error.headers.Connection === 'close') req.resume();
        return;
      }
      onError(error);
      send(res, 500, outcome('exception', 'The service failed to evaluate the request'));
    });
  };
}

function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
