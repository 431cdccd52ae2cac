import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Plan } from '../src/model/index.js';
import { MEETING_TIME_ZONES, absentCalledParties, defaultInvitationMode, localInstant } from '../src/rules/meetings.js';

const example = (name: string): Plan => JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8')) as Plan;

describe('who is called and who is invited', () => {
  const plan = example('se-sip');

  test('professionals of the region and the municipality are called', () => {
    assert.equal(defaultInvitationMode(plan, 'lena'), 'called'); // kommun-soc
    assert.equal(defaultInvitationMode(plan, 'omar'), 'called'); // region-psykiatri
  });

  test('the person, relatives and other actors are invited', () => {
    assert.equal(defaultInvitationMode(plan, 'anna'), 'invited');
    assert.equal(defaultInvitationMode(plan, 'erik'), 'invited');
    assert.equal(defaultInvitationMode(plan, 'maria'), 'invited'); // Försäkringskassan
    assert.equal(defaultInvitationMode(plan, 'nobody'), 'invited');
  });

  test('a unit that is part of a region is called', () => {
    const p: Plan = {
      ...plan,
      parties: [...plan.parties, { id: 'unit', name: 'Enhet', kind: 'other', principal: false, partOf: 'region-psykiatri' }],
      participants: [...plan.participants, { id: 'x', role: 'professional', name: 'X', party: 'unit' }],
    };
    assert.equal(defaultInvitationMode(p, 'x'), 'called');
  });

  test('a cycle of partOf ends as invited', () => {
    const p: Plan = {
      ...plan,
      parties: [
        { id: 'a', name: 'A', kind: 'other', principal: false, partOf: 'b' },
        { id: 'b', name: 'B', kind: 'other', principal: false, partOf: 'a' },
      ],
      participants: [{ id: 'x', role: 'professional', name: 'X', party: 'a' }],
    };
    assert.equal(defaultInvitationMode(p, 'x'), 'invited');
  });
});

describe('absent called parties', () => {
  test('a called party that was absent is listed with its party', () => {
    const plan = example('se-sip-child');
    assert.deepEqual(absentCalledParties(plan), [{ meeting: 'm-sip', participant: 'hanna', party: 'hab', status: 'absent' }]);
  });

  test('an invited actor that was absent is not listed', () => {
    // NAV was invited (not called) and absent in the Norwegian example.
    assert.deepEqual(absentCalledParties(example('no-ip')), []);
  });

  test('excused called parties are listed only when asked for', () => {
    const plan = example('pcsp'); // the nurse was called and excused
    assert.deepEqual(absentCalledParties(plan), []);
    assert.deepEqual(
      absentCalledParties(plan, { includeExcused: true }).map((x) => [x.participant, x.status]),
      [['nurse', 'excused']],
    );
  });

  test('only recorded attendance counts, and cancelled meetings are ignored', () => {
    const plan = example('se-sip-discharge');
    assert.deepEqual(absentCalledParties(plan), []);
    const child = example('se-sip-child');
    const cancelled: Plan = { ...child, meetings: child.meetings.map((m) => ({ ...m, status: 'cancelled' as const })) };
    assert.deepEqual(absentCalledParties(cancelled), []);
  });

  test('can be limited to one meeting', () => {
    assert.equal(absentCalledParties(example('se-sip-child'), { meeting: 'other' }).length, 0);
    assert.equal(absentCalledParties(example('se-sip-child'), { meeting: 'm-sip' }).length, 1);
  });
});

describe('meeting times in the jurisdiction\'s zone', () => {
  test('winter and summer offsets in Stockholm and Oslo', () => {
    assert.equal(localInstant('2026-03-02', '09:30', MEETING_TIME_ZONES.SE), '2026-03-02T09:30:00+01:00');
    assert.equal(localInstant('2026-06-15', '13:00', MEETING_TIME_ZONES.NO), '2026-06-15T13:00:00+02:00');
    assert.equal(localInstant('2026-06-15', '13:00', MEETING_TIME_ZONES.GB), '2026-06-15T13:00:00+01:00');
  });

  test('a time skipped by the spring change moves forward by the gap', () => {
    assert.equal(localInstant('2026-03-29', '02:30', 'Europe/Stockholm'), '2026-03-29T03:30:00+02:00');
  });

  test('the same instant whatever the machine zone', () => {
    const i = localInstant('2026-10-25', '12:00', 'Europe/Stockholm')!;
    assert.equal(new Date(i).toISOString(), '2026-10-25T11:00:00.000Z');
  });

  test('invalid dates and times give undefined', () => {
    assert.equal(localInstant('2026-02-30', '10:00', 'Europe/Stockholm'), undefined);
    assert.equal(localInstant('2026-02-03', '24:00', 'Europe/Stockholm'), undefined);
    assert.equal(localInstant('2026-02-03', '9:00', 'Europe/Stockholm'), undefined);
  });
});
