/**
 * The reference server for sip-kit's REST contract (docs/rest-api.md).
 * Vendors: read this file as the specification. It is deliberately small —
 * node:http on loopback, plans in memory — and does exactly what a back end
 * must do: validate every body with `parsePlan`, keep every saved version,
 * and refuse a save whose `If-Match` is not the stored version, answering
 * with the stored plan so the client can show both sides.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLAN_STATUSES, SipValidationError, isIsoDate, matchesListQuery, parsePlan, type ListQuery, type Plan, type PlanStatus } from '@sip-kit/core';

/** A running reference server. */
export interface ReferenceRestServer {
  /** Base URL, e.g. `http://127.0.0.1:54321`; the contract's paths hang under it. */
  url: string;
  /** The stored plans (latest versions), for assertions. */
  plans(): Plan[];
  /** Every saved version of one plan, oldest first. */
  versions(id: string): Plan[];
  /** Requests served so far, for assertions about retries. */
  requests: number;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Bodies above this size are refused with 413: a plan at its documented limits stays far below. */
const MAX_BODY = 20 * 1024 * 1024;

/** Reads a strong or weak entity tag holding a version number; undefined when it is not one. */
function parseTag(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(?:W\/)?"?(\d{1,15})"?$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
  res.end(text);
}

function sendPlan(res: ServerResponse, status: number, plan: Plan): void {
  send(res, status, plan, { ETag: `"${plan.version}"` });
}

/** The error body of the contract: a stable `code`, a message, and for 400 the issues. */
function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  send(res, status, { code, message, ...extra });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RangeError('too-large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the reference server on 127.0.0.1 with an ephemeral port. */
export async function startReferenceServer(): Promise<ReferenceRestServer> {
  /** Every saved version per plan id, oldest first; the last is the current plan. */
  const store = new Map<string, Plan[]>();
  const current = (id: string): Plan | undefined => store.get(id)?.at(-1);
  const latest = (): Plan[] => [...store.values()].flatMap((v) => v.slice(-1));

  /** Validates a body as a plan for `id`; answers 400 and returns undefined when it is not. */
  function validBody(res: ServerResponse, body: unknown, id?: string): Plan | undefined {
    try {
      const plan = parsePlan(body);
      if (id !== undefined && plan.id !== id) {
        sendError(res, 400, 'invalid-plan', `Body is plan ${plan.id}, URL names ${id}`, { issues: [{ path: ['id'], code: 'invalid-value', message: 'id does not match the URL' }] });
        return undefined;
      }
      return plan;
    } catch (error) {
      if (!SipValidationError.is(error)) throw error;
      sendError(res, 400, 'invalid-plan', error.message, { issues: error.issues });
      return undefined;
    }
  }

  /** Stores `plan` as the next version and answers with it. */
  function store1(res: ServerResponse, plan: Plan, status: number): void {
    const versions = store.get(plan.id) ?? [];
    const saved = { ...plan, version: (versions.at(-1)?.version ?? 0) + 1 };
    store.set(plan.id, [...versions, saved]);
    sendPlan(res, status, saved);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'plans' || parts.length > 3 || (parts.length === 3 && parts[2] !== 'history')) {
      return sendError(res, 404, 'not-found', 'No such resource');
    }
    const id = parts[1] ?? '';
    const method = req.method ?? 'GET';

    // GET /plans?personId=&personIdSystem=&status=&dueBefore=
    if (parts.length === 1 && method === 'GET') {
      const query: ListQuery = {};
      const personId = url.searchParams.get('personId');
      const system = url.searchParams.get('personIdSystem');
      const statuses = url.searchParams.getAll('status');
      const dueBefore = url.searchParams.get('dueBefore');
      if (personId !== null) query.personId = personId;
      if (system !== null) query.personIdSystem = system;
      if (statuses.length) {
        if (!statuses.every((s) => (PLAN_STATUSES as readonly string[]).includes(s))) return sendError(res, 400, 'invalid-query', 'Unknown status');
        query.status = statuses as PlanStatus[];
      }
      if (dueBefore !== null) {
        if (!isIsoDate(dueBefore)) return sendError(res, 400, 'invalid-query', 'dueBefore is not YYYY-MM-DD');
        query.dueBefore = dueBefore;
      }
      const plans = latest().filter((p) => matchesListQuery(p, query));
      return send(res, 200, { plans });
    }

    // POST /plans — create; the client library uses PUT + If-None-Match instead (idempotent).
    if (parts.length === 1 && method === 'POST') {
      const plan = validBody(res, await readBody(req));
      if (!plan) return;
      const existing = current(plan.id);
      if (existing) return sendError(res, 409, 'plan-conflict', 'A plan with this id exists', { current: existing });
      return store1(res, plan, 201);
    }
    if (parts.length === 1) return sendError(res, 405, 'method-not-allowed', 'Use GET or POST');

    // GET /plans/:id/history
    if (parts.length === 3) {
      if (method !== 'GET') return sendError(res, 405, 'method-not-allowed', 'Use GET');
      const versions = store.get(id);
      if (!versions) return sendError(res, 404, 'plan-not-found', `No plan ${id}`);
      return send(res, 200, { versions });
    }

    const existing = current(id);
    if (method === 'GET') {
      if (!existing) return sendError(res, 404, 'plan-not-found', `No plan ${id}`);
      return sendPlan(res, 200, existing);
    }

    if (method === 'PUT') {
      const ifMatch = req.headers['if-match'];
      const ifNoneMatch = req.headers['if-none-match'];
      // A save must say which version it was based on: blind overwrites lose edits.
      if (ifMatch === undefined && ifNoneMatch !== '*') return sendError(res, 428, 'precondition-required', 'Send If-Match: "<version>" or If-None-Match: *');
      const plan = validBody(res, await readBody(req), id);
      if (!plan) return;
      if (ifNoneMatch === '*') {
        if (existing) return sendError(res, 412, 'plan-conflict', 'The plan exists', { current: existing });
        return store1(res, plan, 201);
      }
      const expected = parseTag(ifMatch);
      if (expected === undefined) return sendError(res, 400, 'invalid-precondition', 'If-Match must be a version tag such as "3"');
      if (!existing) return sendError(res, 404, 'plan-not-found', `No plan ${id}`);
      if (existing.version !== expected) return sendError(res, 412, 'plan-conflict', `Stored version is ${existing.version}`, { current: existing });
      return store1(res, plan, 200);
    }

    if (method === 'DELETE') {
      if (!existing) return sendError(res, 404, 'plan-not-found', `No plan ${id}`);
      const ifMatch = req.headers['if-match'];
      if (ifMatch !== undefined && parseTag(ifMatch) !== existing.version) {
        return sendError(res, 412, 'plan-conflict', `Stored version is ${existing.version}`, { current: existing });
      }
      store.delete(id);
      return send(res, 204);
    }
    return sendError(res, 405, 'method-not-allowed', 'Use GET, PUT or DELETE');
  }

  const server = createServer((req, res) => {
    result.requests++;
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof SyntaxError) return sendError(res, 400, 'invalid-json', 'Body is not JSON');
      if (error instanceof RangeError) return sendError(res, 413, 'too-large', 'Body too large');
      sendError(res, 500, 'server-error', 'Internal error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const result: ReferenceRestServer = {
    url: `http://127.0.0.1:${port}`,
    plans: latest,
    versions: (id) => [...(store.get(id) ?? [])],
    requests: 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return result;
}
