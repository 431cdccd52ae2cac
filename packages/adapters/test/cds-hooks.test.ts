/**
 * The CDS Hooks service over loopback HTTP with real requests: discovery,
 * both services with FHIR prefetch built from the example plans, languages,
 * CORS, every error answer, hostile bodies, and `sip-rules serve`.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { LOCALES, MESSAGES, parsePlan, type Plan } from '@sip-kit/core';
import { CDS_MESSAGES, cdsText, type CdsMessageKey } from '../src/cds-hooks/messages.js';
import { FHIR_TAGS, toFhirBundle } from '../src/fhir-mapping.js';
import { CDS_SERVICES, SECTOR_SYSTEM, READY_FOR_DISCHARGE_EXTENSION, startCdsHooksServer, type CdsCard, type CdsHooksServer } from '../src/cds-hooks/index.js';
import { fuzzRuns } from './support/plan-arbitrary.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TODAY = '2026-11-25';

const example = (name: string): Plan => parsePlan(JSON.parse(readFileSync(join(ROOT, 'packages/core/examples', `${name}.json`), 'utf8')));

/** A searchset Bundle as a FHIR server answers `CarePlan?subject=…&_include=…`: every resource of each plan. */
function plansBundle(...plans: Plan[]): Record<string, unknown> {
  const entry = plans.flatMap((p) => (toFhirBundle(p).entry ?? []).map((e) => ({ fullUrl: e.fullUrl, resource: e.resource, search: { mode: 'match' } })));
  return { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry };
}

function episode(sector: string, organisation: string, status = 'active'): Record<string, unknown> {
  return {
    resource: {
      resourceType: 'EpisodeOfCare',
      id: `${sector}-1`,
      status,
      type: [{ coding: [{ system: SECTOR_SYSTEM, code: sector }] }],
      patient: { reference: 'Patient/p1' },
      managingOrganization: { reference: `Organization/${sector}`, display: organisation },
    },
  };
}

const episodes = (...entries: Record<string, unknown>[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: entries });
const BOTH = episodes(episode('health-care', 'Region Värmland, Psykiatriska öppenvården'), episode('social-services', 'Karlstads kommun, Socialförvaltningen'));
const NO_PLANS = { resourceType: 'Bundle', type: 'searchset', total: 0 };
const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1988-05-14' };

function patientView(prefetch: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { hook: 'patient-view', hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', context: { userId: 'Practitioner/123', patientId: 'p1' }, prefetch, ...extra };
}

function discharge(prefetch: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hook: 'encounter-discharge',
    hookInstance: '4c1b7c2a-1f0e-4d0f-9a7e-2f7f7e1d2b3c',
    context: { userId: 'Practitioner/123', patientId: 'p1', encounterId: 'e1' },
    prefetch,
    ...extra,
  };
}

const encounter = (ready?: string, end?: string) => ({
  resourceType: 'Encounter',
  id: 'e1',
  status: 'in-progress',
  class: { code: 'IMP' },
  ...(end ? { period: { start: '2026-11-10T08:00:00+01:00', end } } : {}),
  ...(ready ? { extension: [{ url: READY_FOR_DISCHARGE_EXTENSION, valueDate: ready }] } : {}),
});

let server: CdsHooksServer;
before(async () => {
  server = await startCdsHooksServer({ port: 0, host: '127.0.0.1', today: TODAY });
});
after(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(path: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const cardsOf = (a: Answer): CdsCard[] => {
  assert.equal(a.status, 200, JSON.stringify(a.body));
  return (a.body as { cards: CdsCard[] }).cards;
};

function assertWellFormedCard(card: CdsCard): void {
  assert.match(card.uuid, /^[0-9a-f-]{36}$/);
  assert.ok(card.summary.length > 0 && card.summary.length <= 140, `summary too long: ${card.summary}`);
  assert.ok(['info', 'warning', 'critical'].includes(card.indicator));
  assert.ok(card.source.label.length > 0);
  if (card.suggestions) assert.ok(card.selectionBehavior, 'selectionBehavior is required with suggestions');
}

const outcomeOf = (a: Answer): string => {
  const body = a.body as { resourceType: string; issue: { severity: string; code: string; diagnostics: string }[] };
  assert.equal(body.resourceType, 'OperationOutcome');
  assert.equal(body.issue[0]?.severity, 'error');
  return body.issue[0]?.diagnostics ?? '';
};

describe('discovery', () => {
  it('lists both services with their hooks and prefetch templates', async () => {
    const a = await call('/cds-services');
    assert.equal(a.status, 200);
    const { services } = a.body as { services: { hook: string; id: string; title: string; description: string; prefetch: Record<string, string> }[] };
    assert.deepEqual(
      services.map((s) => [s.id, s.hook]),
      [
        ['patient-view', 'patient-view'],
        ['encounter-discharge', 'encounter-discharge'],
      ],
    );
    for (const s of services) {
      assert.ok(s.title && s.description);
      assert.equal(s.prefetch.patient, 'Patient/{{context.patientId}}');
      assert.match(s.prefetch.episodes ?? '', /^EpisodeOfCare\?patient=\{\{context\.patientId\}\}/);
      assert.match(s.prefetch.plans ?? '', /^CarePlan\?subject=\{\{context\.patientId\}\}/);
    }
    assert.equal(services[1]?.prefetch.encounter, 'Encounter/{{context.encounterId}}');
    assert.deepEqual(a.body, JSON.parse(JSON.stringify({ services: CDS_SERVICES })));
    assert.equal(a.headers.get('access-control-allow-origin'), '*');
    assert.match(a.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('answers a trailing slash and a query string like the plain path', async () => {
    assert.equal((await call('/cds-services/?x=1')).status, 200);
  });
});

describe('patient-view', () => {
  it('suggests a SIP when the person has needs from health care and social services and no plan', async () => {
    const cards = cardsOf(await call('/cds-services/patient-view', { body: patientView({ patient: PATIENT, episodes: BOTH, plans: NO_PLANS }) }));
    assert.equal(cards.length, 1);
    const [card] = cards as [CdsCard];
    assertWellFormedCard(card);
    assert.equal(card.indicator, 'info');
    assert.match(card.summary, /samordnad individuell plan \(SIP\)/);
    // The eligibility reasons, in the person's words, and what to do next.
    assert.match(card.detail ?? '', /både hälso- och sjukvården och socialtjänsten/);
    assert.match(card.detail ?? '', /Ingen har bedömt att en plan behövs än/);
    assert.match(card.detail ?? '', /tillfrågats om samtycke/);
    assert.match(card.detail ?? '', /Karlstads kommun, Socialförvaltningen/);
    assert.equal(card.selectionBehavior, 'at-most-one');
    const action = card.suggestions?.[0]?.actions[0];
    assert.equal(action?.type, 'create');
    assert.deepEqual(action?.resource?.subject, { reference: 'Patient/p1' });
    assert.equal(action?.resource?.status, 'draft');
  });

  it('suggests nothing when the needs come from health care only', async () => {
    const only = episodes(episode('health-care', 'Vårdcentralen'), episode('health-care', 'Psykiatrin'));
    assert.deepEqual(cardsOf(await call('/cds-services/patient-view', { body: patientView({ patient: PATIENT, episodes: only, plans: NO_PLANS }) })), []);
  });

  it('ignores finished episodes of care', async () => {
    const finished = episodes(episode('health-care', 'Region'), episode('social-services', 'Kommunen', 'finished'));
    assert.deepEqual(cardsOf(await call('/cds-services/patient-view', { body: patientView({ episodes: finished, plans: NO_PLANS }) })), []);
  });

  it('suggests an IP in Norway, in Norwegian', async () => {
    const body = patientView({ episodes: BOTH, plans: NO_PLANS }, { extension: { 'dev.sip-kit.jurisdiction': 'NO', 'dev.sip-kit.locale': 'nb' } });
    const [card] = cardsOf(await call('/cds-services/patient-view', { body }));
    assert.match(card?.summary ?? '', /^Vurder en individuell plan \(IP\)/);
  });

  it('warns about an overdue follow-up, naming it and since when in working days', async () => {
    const cards = cardsOf(await call('/cds-services/patient-view', { body: patientView({ patient: PATIENT, episodes: BOTH, plans: plansBundle(example('se-sip')) }) }));
    assert.equal(cards.length, 1, 'a plan exists, so no suggestion');
    const [card] = cards as [CdsCard];
    assertWellFormedCard(card);
    assert.equal(card.indicator, 'warning');
    // se-sip's follow-up f-2 was due 2026-05-26: 130 Swedish working days before 2026-11-25.
    assert.equal(card.summary, 'Försenat i planen: Uppföljning, sista dag 2026-05-26 (130 arbetsdagar sedan).');
    assert.match(card.detail ?? '', /SIP för Anna Lindqvist/);
  });

  it('gives one warning per plan with something overdue, and none for a plan on time', async () => {
    const plans = plansBundle(example('se-sip'), example('se-sip-child'), example('se-sip-discharge'));
    const cards = cardsOf(await call('/cds-services/patient-view', { body: patientView({ episodes: BOTH, plans }) }));
    assert.equal(cards.length, 2);
    assert.ok(cards.every((c) => c.indicator === 'warning'));
  });

  it('says nothing when the only plan is on time', async () => {
    assert.deepEqual(cardsOf(await call('/cds-services/patient-view', { body: patientView({ episodes: BOTH, plans: plansBundle(example('se-sip-discharge')) }) })), []);
  });

  it('warns in Norwegian working days for a Norwegian IP', async () => {
    const [card] = cardsOf(await call('/cds-services/patient-view', { body: patientView({ episodes: BOTH, plans: plansBundle(example('no-ip')) }), headers: { 'Accept-Language': 'nb-NO,nb;q=0.9' } }));
    // no-ip's follow-up was due 2026-05-05; Norway's calendar counts its own holidays.
    assert.match(card?.summary ?? '', /^Forsinket i planen: Evaluering, frist 2026-05-05 \(\d+ arbeidsdager siden\)\.$/);
  });

  it('counts a CarePlan it cannot rebuild as a plan, so it never suggests a second one', async () => {
    const foreign = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'CarePlan', id: 'other', status: 'active', intent: 'plan', subject: { reference: 'Patient/p1' } } }] };
    assert.deepEqual(cardsOf(await call('/cds-services/patient-view', { body: patientView({ episodes: BOTH, plans: foreign }) })), []);
  });

  it('ignores a closed plan', async () => {
    const closed = { ...example('se-sip'), status: 'closed' as const, closedReason: 'goals-achieved' as const, closedOn: '2026-10-01' };
    const cards = cardsOf(await call('/cds-services/patient-view', { body: patientView({ episodes: BOTH, plans: plansBundle(parsePlan(closed)) }) }));
    assert.equal(cards.length, 1);
    assert.equal(cards[0]?.indicator, 'info');
  });
});

describe('languages', () => {
  const body = patientView({ episodes: BOTH, plans: plansBundle(example('se-sip')) });

  it('answers in Swedish by default', async () => {
    const a = await call('/cds-services/patient-view', { body });
    assert.match(cardsOf(a)[0]?.summary ?? '', /^Försenat/);
    assert.equal(a.headers.get('content-language'), 'sv');
  });

  it('follows Accept-Language by q-value', async () => {
    const a = await call('/cds-services/patient-view', { body, headers: { 'Accept-Language': 'de-DE, nn;q=0.4, en;q=0.8' } });
    assert.match(cardsOf(a)[0]?.summary ?? '', /^Overdue in the plan: Follow-up, due 2026-05-26 \(130 working days ago\)/);
    assert.equal(a.headers.get('content-language'), 'en');
  });

  it('lets the request extension win over Accept-Language', async () => {
    const a = await call('/cds-services/patient-view', { body: { ...body, extension: { 'dev.sip-kit.locale': 'nn-NO' } }, headers: { 'Accept-Language': 'en' } });
    assert.match(cardsOf(a)[0]?.summary ?? '', /^Forseinka i planen/);
  });
});

describe('encounter-discharge', () => {
  it('says the invitation is due within 3 calendar days of ready-for-discharge', async () => {
    const cards = cardsOf(await call('/cds-services/encounter-discharge', { body: discharge({ patient: PATIENT, episodes: BOTH, plans: NO_PLANS, encounter: encounter('2026-11-24') }) }));
    assert.equal(cards.length, 1);
    const [card] = cards as [CdsCard];
    assertWellFormedCard(card);
    assert.equal(card.indicator, 'info');
    assert.equal(card.summary, 'SIP vid utskrivning: skicka kallelsen senast 2026-11-27.');
    assert.match(card.detail ?? '', /inom 3 kalenderdagar/);
    assert.match(card.detail ?? '', /2026-11-24/);
    assert.match(card.detail ?? '', /se\\-discharge|se-discharge/);
  });

  it('warns once the invitation day has passed', async () => {
    const [card] = cardsOf(await call('/cds-services/encounter-discharge', { body: discharge({ episodes: BOTH, plans: NO_PLANS, encounter: encounter('2026-11-20') }) }));
    assert.equal(card?.indicator, 'warning');
    assert.match(card?.summary ?? '', /försenad.*2026-11-23/);
  });

  it('reads ready-for-discharge from the end of the encounter when the extension is absent, and from today without either', async () => {
    const [fromEnd] = cardsOf(await call('/cds-services/encounter-discharge', { body: discharge({ episodes: BOTH, plans: NO_PLANS, encounter: encounter(undefined, '2026-11-25T09:00:00+01:00') }) }));
    assert.match(fromEnd?.summary ?? '', /2026-11-28/);
    const [fromToday] = cardsOf(await call('/cds-services/encounter-discharge', { body: discharge({ episodes: BOTH, plans: NO_PLANS }) }));
    assert.match(fromToday?.summary ?? '', /2026-11-28/);
  });

  it('says nothing without needs from both principals', async () => {
    const only = episodes(episode('health-care', 'Sjukhuset'));
    assert.deepEqual(cardsOf(await call('/cds-services/encounter-discharge', { body: discharge({ episodes: only, plans: NO_PLANS, encounter: encounter('2026-11-24') }) })), []);
  });

  it('says nothing when a discharge plan has already sent its invitation', async () => {
    const body = discharge({ episodes: BOTH, plans: plansBundle(example('se-sip-discharge')), encounter: encounter('2026-11-18') });
    assert.deepEqual(cardsOf(await call('/cds-services/encounter-discharge', { body })), []);
  });

  it('says nothing outside Sweden (the discharge law is Swedish)', async () => {
    const body = discharge({ episodes: BOTH, plans: NO_PLANS, encounter: encounter('2026-11-24') }, { extension: { 'dev.sip-kit.jurisdiction': 'NO' } });
    assert.deepEqual(cardsOf(await call('/cds-services/encounter-discharge', { body })), []);
  });

  it('answers in English when asked', async () => {
    const [card] = cardsOf(await call('/cds-services/encounter-discharge', { body: discharge({ episodes: BOTH, plans: NO_PLANS, encounter: encounter('2026-11-24') }), headers: { 'Accept-Language': 'en-GB' } }));
    assert.equal(card?.summary, 'SIP at discharge: send the invitation by 2026-11-27.');
  });
});

describe('CORS and feedback', () => {
  it('answers a preflight for a service', async () => {
    const res = await fetch(`${server.url}/cds-services/patient-view`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://ehr.example.se', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, authorization' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
  });

  it('puts CORS headers on errors too, so a browser client can read them', async () => {
    const a = await call('/cds-services/nope', { body: {} });
    assert.equal(a.headers.get('access-control-allow-origin'), '*');
  });

  it('accepts feedback without keeping it', async () => {
    const a = await call('/cds-services/patient-view/feedback', { body: { feedback: [{ card: 'abc', outcome: 'accepted', outcomeTimestamp: '2026-11-25T10:00:00Z' }] } });
    assert.equal(a.status, 200);
    assert.equal((await call('/cds-services/patient-view/feedback', { body: { nope: 1 } })).status, 400);
  });
});

describe('bad requests', () => {
  it('404 for an unknown service or path', async () => {
    const a = await call('/cds-services/medication-prescribe', { body: patientView({}) });
    assert.equal(a.status, 404);
    assert.match(outcomeOf(a), /medication-prescribe/);
    assert.equal((await call('/')).status, 404);
    assert.equal((await call('/cds-services/patient-view/extra')).status, 404);
  });

  it('405 with Allow for a wrong method', async () => {
    const get = await call('/cds-services/patient-view');
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
    outcomeOf(get);
    const del = await call('/cds-services', { method: 'DELETE' });
    assert.equal(del.status, 405);
    assert.equal(del.headers.get('allow'), 'GET, OPTIONS');
  });

  it('400 for a body that is not a CDS Hooks request', async () => {
    const { hookInstance: _drop, ...noInstance } = patientView({ episodes: BOTH, plans: NO_PLANS });
    const a = await call('/cds-services/patient-view', { body: noInstance });
    assert.equal(a.status, 400);
    assert.match(outcomeOf(a), /hookInstance/);
    assert.equal((await call('/cds-services/patient-view', { body: [] })).status, 400);
    assert.equal((await call('/cds-services/patient-view', { body: null })).status, 400);
  });

  it('400 when the hook does not match the service', async () => {
    const a = await call('/cds-services/encounter-discharge', { body: { ...discharge({ episodes: BOTH, plans: NO_PLANS }), hook: 'patient-view' } });
    assert.equal(a.status, 400);
    assert.match(outcomeOf(a), /encounter-discharge/);
  });

  it('400 for a bad context: a patient id that is not a FHIR id, a discharge without an encounter', async () => {
    const bad = await call('/cds-services/patient-view', { body: { ...patientView({ episodes: BOTH, plans: NO_PLANS }), context: { userId: 'u', patientId: '../Patient/<script>' } } });
    assert.equal(bad.status, 400);
    assert.match(outcomeOf(bad), /context\.patientId/);
    const noEncounter = await call('/cds-services/encounter-discharge', { body: { ...discharge({ episodes: BOTH, plans: NO_PLANS }), context: { userId: 'u', patientId: 'p1' } } });
    assert.equal(noEncounter.status, 400);
  });

  it('400 for prefetch that is not FHIR of the expected type', async () => {
    const a = await call('/cds-services/patient-view', { body: patientView({ episodes: { resourceType: 'Patient' }, plans: NO_PLANS }) });
    assert.equal(a.status, 400);
    assert.match(outcomeOf(a), /prefetch\.episodes/);
    const patient = await call('/cds-services/patient-view', { body: patientView({ patient: { resourceType: 'Patient', birthDate: 42 }, episodes: BOTH, plans: NO_PLANS }) });
    assert.equal(patient.status, 400);
  });

  it('412 when required prefetch is missing, null, or an OperationOutcome', async () => {
    for (const prefetch of [{}, { episodes: BOTH, plans: null }, { episodes: { resourceType: 'OperationOutcome', issue: [] }, plans: NO_PLANS }]) {
      const a = await call('/cds-services/patient-view', { body: patientView(prefetch) });
      assert.equal(a.status, 412);
      assert.match(outcomeOf(a), /prefetch/i);
    }
    const none = await call('/cds-services/patient-view', { body: { hook: 'patient-view', hookInstance: 'x', context: { userId: 'u', patientId: 'p1' } } });
    assert.equal(none.status, 412);
  });

  it('400 for malformed JSON', async () => {
    const a = await call('/cds-services/patient-view', { raw: '{"hook": "patient-view",' });
    assert.equal(a.status, 400);
    assert.match(outcomeOf(a), /JSON/);
  });

  it('415 for a body that is not JSON', async () => {
    const a = await call('/cds-services/patient-view', { raw: 'hook=patient-view', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(a.status, 415);
    outcomeOf(a);
  });

  it('413 for a body over 1 MiB, and the server keeps serving', async () => {
    const big = JSON.stringify(patientView({ episodes: BOTH, plans: NO_PLANS, padding: 'x'.repeat(1024 * 1024) }));
    const a = await call('/cds-services/patient-view', { raw: big });
    assert.equal(a.status, 413);
    outcomeOf(a);
    assert.equal((await call('/cds-services')).status, 200);
  });

  it('413 for a chunked body that grows past the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/cds-services/patient-view`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e) => (/ECONNRESET|EPIPE/.test(String(e)) ? resolve(413) : reject(e)));
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 40) {
          sent += 1;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    assert.equal((await call('/cds-services')).status, 200);
  });

  it('never lets "__proto__" in a body reach Object.prototype', async () => {
    const raw = `{"__proto__": {"polluted": true}, "hook": "patient-view", "hookInstance": "x", "context": {"userId": "u", "patientId": "p1", "__proto__": {"patientId": "evil"}}, "prefetch": {"episodes": {"resourceType": "Bundle"}, "plans": {"resourceType": "Bundle"}}}`;
    const a = await call('/cds-services/patient-view', { raw });
    assert.equal(a.status, 200);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('hostile input', () => {
  // Values that poke at the validators: wrong types, huge numbers, odd strings, deep nesting.
  const jsonValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(null, true, false, 0, -1, 1e308, '', 'patient-view', '__proto__', 'constructor', 'Bundle', 'EpisodeOfCare', 'CarePlan', '2026-02-30', '\u0000', '<script>'),
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('resourceType', 'entry', 'resource', 'status', 'type', 'coding', 'code', 'system', 'birthDate', 'id', 'meta', 'tag', 'extension', 'period', 'x'), tie('value'), { maxKeys: 5 }),
    ),
  })).value;

  const requestLike = fc.record(
    {
      hook: fc.oneof(fc.constantFrom('patient-view', 'encounter-discharge'), jsonValue),
      hookInstance: fc.oneof(fc.uuid(), jsonValue),
      context: fc.oneof(fc.record({ userId: fc.constant('u'), patientId: fc.constantFrom('p1', '', 'a/b'), encounterId: fc.constantFrom('e1', undefined) }), jsonValue),
      prefetch: fc.oneof(
        fc.record({
          patient: fc.oneof(fc.constant(PATIENT), jsonValue),
          episodes: fc.oneof(fc.constant(BOTH), jsonValue),
          plans: fc.oneof(fc.constant(NO_PLANS), fc.constant(plansBundle(example('se-sip'))), jsonValue),
          encounter: fc.oneof(fc.constant(encounter('2026-11-24')), jsonValue),
        }),
        jsonValue,
      ),
      extension: jsonValue,
    },
    { requiredKeys: [] },
  );

  it('always answers with well-formed JSON and a 200/4xx status, and the server stays up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('patient-view', 'encounter-discharge'), fc.oneof(requestLike, jsonValue), fc.constantFrom('sv', 'en', '*', 'xx;q=abc', ''), async (id, body, lang) => {
        const res = await fetch(`${server.url}/cds-services/${id}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': lang }, body: JSON.stringify(body) ?? 'null' });
        const text = await res.text();
        assert.ok([200, 400, 412].includes(res.status), `status ${res.status}: ${text.slice(0, 300)}`);
        const parsed = JSON.parse(text) as Record<string, unknown>;
        if (res.status === 200) {
          assert.ok(Array.isArray(parsed.cards));
          for (const card of parsed.cards as CdsCard[]) assertWellFormedCard(card);
        } else {
          assert.equal(parsed.resourceType, 'OperationOutcome');
        }
      }),
      { numRuns: fuzzRuns(60) },
    );
    assert.equal((await call('/cds-services')).status, 200);
  });

  it('survives raw garbage bytes and truncated JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))), async (raw) => {
        const res = await fetch(`${server.url}/cds-services/patient-view`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: raw });
        const parsed = JSON.parse(await res.text()) as Record<string, unknown>;
        assert.ok([200, 400, 412].includes(res.status));
        assert.ok(parsed.resourceType === 'OperationOutcome' || Array.isArray(parsed.cards));
      }),
      { numRuns: fuzzRuns(40) },
    );
    assert.equal((await call('/cds-services')).status, 200);
  });

  it('keeps the plan tag of every mapped resource, which the prefetch reader splits plans by', () => {
    const bundle = toFhirBundle(example('se-sip'));
    for (const e of bundle.entry ?? []) {
      const tags = (e.resource?.meta as { tag?: { system: string; code: string }[] } | undefined)?.tag ?? [];
      assert.ok(tags.some((t) => t.system === FHIR_TAGS.plan && t.code === 'example-se-sip'));
    }
  });
});

describe('sip-rules serve', () => {
  let child: ChildProcess | undefined;
  let dir: string | undefined;
  after(() => {
    child?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the command line and answers discovery', async () => {
    // Run from source without a build: a tsconfig for tsx that maps the adapters entry to its source.
    const base = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const paths = Object.fromEntries(Object.entries(base.compilerOptions.paths).map(([k, v]) => [k, v.map((p) => join(ROOT, p))]));
    paths['@sip-kit/adapters/cds-hooks'] = [join(ROOT, 'packages/adapters/src/cds-hooks/index.ts')];
    dir = mkdtempSync(join(tmpdir(), 'sip-cds-'));
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', paths } }));
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/core/src/cli/sip-rules.ts'), 'serve', '--port', '0', '--today', TODAY], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = child;
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL within 60 s; stderr: ${stderr}`)), 60_000);
      proc.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/cds-services)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited ${code}; stderr: ${stderr}`));
      });
    });
    const res = await fetch(url);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { services: { id: string }[] };
    assert.deepEqual(
      body.services.map((s) => s.id),
      ['patient-view', 'encounter-discharge'],
    );
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    assert.equal(await exited, 0, 'stops cleanly on SIGTERM');
    child = undefined;
  });

  it('refuses a bad port with a usage error', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/core/src/cli/serve.ts'), '--port', '99999'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--port/);
  });
});

describe("the cards' wording", () => {
  it('has every key in every locale, nothing empty, and the Swedish placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const reference = Object.keys(CDS_MESSAGES.sv).sort();
    for (const locale of LOCALES) {
      const table = CDS_MESSAGES[locale] as Record<string, string>;
      assert.deepEqual(Object.keys(table).sort(), reference, locale);
      for (const key of reference) {
        assert.ok(table[key]!.trim().length > 0, `${locale} ${key}`);
        assert.deepEqual(placeholders(table[key]!), placeholders((CDS_MESSAGES.sv as Record<string, string>)[key]!), `${locale} ${key}`);
      }
    }
  });

  it("lives with the service, not in core's catalogues that every page downloads", () => {
    for (const locale of LOCALES) assert.deepEqual(Object.keys(MESSAGES[locale]!).filter((k) => k.startsWith('cds.')), [], locale);
  });

  it('fills placeholders and reads an unknown key as itself', () => {
    assert.equal(cdsText('cds.overdue.more', 'nb', { n: 3 }), CDS_MESSAGES.nb['cds.overdue.more'].replace('{n}', '3'));
    assert.equal(cdsText('cds.plan-name.XX' as CdsMessageKey, 'en'), 'cds.plan-name.XX');
  });
});
