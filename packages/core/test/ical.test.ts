/**
 * The iCalendar export, parsed back with an independent parser (ical.js):
 * structure, roles and responses, escaping of hostile text, folding at 75
 * octets and CRLF line ends.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { SipValidationError } from '../src/errors.js';
import { escapeICalText, foldICalLine, icsFileName, meetingToICalendar } from '../src/ical.js';
import type { Meeting, Plan } from '../src/model/index.js';
import { XSS_CORPUS } from '../../../test/support/xss-corpus.js';

const example = (name: string): Plan => JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8')) as Plan;
const NOW = '2026-11-17T08:00:00Z';

function vevent(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const ev = cal.getFirstSubcomponent('vevent');
  assert.ok(ev, 'one VEVENT');
  return { cal, ev };
}

/** What a TEXT value should read as after the round trip: controls other than tab and newline dropped, newlines as \n. */
const asText = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
/** What a CN parameter should read as: the same, with tabs as spaces. */
const asParam = (s: string) => asText(s).replace(/\t/g, ' ');

function assertWellFormed(ics: string): void {
  assert.ok(ics.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(ics), 'every LF is part of a CRLF');
  assert.ok(!/\r(?!\n)/.test(ics), 'no lone CR');
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line of ${Buffer.byteLength(line)} octets: ${line.slice(0, 40)}`);
}

function withMeeting(plan: Plan, changes: Partial<Meeting>): Plan {
  return { ...plan, meetings: plan.meetings.map((m, i) => (i === 0 ? { ...m, ...changes } : m)) };
}

describe('meetingToICalendar', () => {
  test('a planned SIP meeting parses back with every property', () => {
    const plan = example('se-sip-discharge');
    const ics = meetingToICalendar(plan, 'm-sip', { now: NOW, uidDomain: 'example.se' });
    assertWellFormed(ics);
    const { cal, ev } = vevent(ics);
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
    assert.match(String(cal.getFirstPropertyValue('prodid')), /sip-kit/);
    const event = new ICAL.Event(ev);
    assert.equal(event.uid, `m-sip.${plan.id}@example.se`);
    assert.equal(event.startDate.toJSDate().toISOString(), new Date('2026-11-19T10:00:00+01:00').toISOString());
    assert.equal(event.endDate.toJSDate().toISOString(), new Date('2026-11-19T10:45:00+01:00').toISOString());
    assert.equal(event.startDate.zone?.tzid, 'UTC');
    assert.equal(event.summary, 'SIP-möte');
    assert.equal(event.location, 'Avdelning 14, dagrummet');
    assert.equal(ev.getFirstPropertyValue('url'), 'https://vmr.example.se/rvn/sip-4711');
    assert.equal(ev.getFirstPropertyValue('sequence'), plan.version);
    assert.equal(ev.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(String(ev.getFirstPropertyValue('dtstamp')), '2026-11-17T08:00:00Z');
    const description = String(event.description);
    assert.match(description, /^Frågor att ta upp:\n- Hemgång\n- Hemtjänst och larm\n- Rehabilitering/);
    assert.match(description, /https:\/\/vmr\.example\.se\/rvn\/sip-4711/);
    const organizer = ev.getFirstProperty('organizer')!;
    assert.equal(organizer.getParameter('cn'), plan.participants.find((p) => p.id === 'ssk')!.name);
  });

  test('each invitation is an ATTENDEE: called parties required, invited optional, PARTSTAT from the response', () => {
    const plan = example('se-sip-discharge');
    const { ev } = vevent(meetingToICalendar(plan, 'm-sip', { now: NOW }));
    const attendees = ev.getAllProperties('attendee');
    const meeting = plan.meetings[0]!;
    assert.equal(attendees.length, meeting.invitations.length);
    const partstat = { pending: 'NEEDS-ACTION', accepted: 'ACCEPTED', declined: 'DECLINED', tentative: 'TENTATIVE' } as const;
    meeting.invitations.forEach((inv, i) => {
      const a = attendees[i]!;
      assert.equal(a.getParameter('cn'), plan.participants.find((p) => p.id === inv.participant)!.name);
      assert.equal(a.getParameter('role'), inv.mode === 'called' ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT');
      assert.equal(a.getParameter('partstat'), partstat[inv.response]);
    });
    assert.deepEqual(
      attendees.filter((a) => a.getParameter('role') === 'REQ-PARTICIPANT').map((a) => a.getParameter('cn')),
      meeting.invitations.filter((x) => x.mode === 'called').map((x) => plan.participants.find((p) => p.id === x.participant)!.name),
    );
  });

  test('the description is in the plan\'s language (Norwegian)', () => {
    const plan = example('no-ip');
    const { ev } = vevent(meetingToICalendar(plan, 'm-ip', { now: NOW }));
    const event = new ICAL.Event(ev);
    assert.equal(event.summary, 'IP-møte');
    assert.match(String(event.description), /^Spørsmål vi skal snakke om:\n- Hva er viktig for Ingrid\?/);
    assert.match(String(event.description), /Personen har valgt stedet\./);
    assert.equal(ev.getFirstProperty('summary')!.getParameter('language'), 'nb');
  });

  test('a participant with an e-mail gets a mailto: address; others a urn: naming the plan', () => {
    const plan = example('se-sip-discharge');
    const p = { ...plan, participants: plan.participants.map((x) => (x.id === 'vc-ssk' ? { ...x, email: 'sara@example.se' } : x.id === 'bist' ? { ...x, email: 'not an; email' } : x)) };
    const { ev } = vevent(meetingToICalendar(p, 'm-sip', { now: NOW }));
    const values = ev.getAllProperties('attendee').map((a) => String(a.getFirstValue()));
    assert.ok(values.includes('mailto:sara@example.se'));
    assert.ok(values.includes(`urn:sip-kit:${plan.id}:participant:bist`));
  });

  test('no end time gives the default length; a cancelled meeting is CANCELLED', () => {
    const plan = withMeeting(example('se-sip-discharge'), { endsAt: undefined, status: 'cancelled' });
    const { ev } = vevent(meetingToICalendar(plan, 'm-sip', { now: NOW, defaultMinutes: 30 }));
    const event = new ICAL.Event(ev);
    assert.equal(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime(), 30 * 60_000);
    assert.equal(ev.getFirstPropertyValue('status'), 'CANCELLED');
  });

  test('a link that is not https (an untrusted plan) is left out', () => {
    const plan = withMeeting(example('se-sip-discharge'), { link: 'javascript:alert(1)' });
    const ics = meetingToICalendar(plan, 'm-sip', { now: NOW });
    assert.ok(!ics.includes('javascript'));
    assert.equal(vevent(ics).ev.getFirstPropertyValue('url'), null);
  });

  test('an unknown meeting or one without a start time is refused with a typed error', () => {
    const plan = example('se-sip-discharge');
    assert.throws(() => meetingToICalendar(plan, 'nope'), (e) => SipValidationError.is(e) && e.issues[0]!.code === 'not-found');
    const noStart = withMeeting(plan, { startsAt: undefined });
    assert.throws(() => meetingToICalendar(noStart, 'm-sip'), (e) => SipValidationError.is(e) && e.issues[0]!.code === 'required');
  });

  test('every hostile string comes back as the same text, in every text property and parameter', () => {
    const base = example('se-sip-discharge');
    for (const hostile of XSS_CORPUS) {
      const name = hostile.slice(0, 200);
      const plan: Plan = {
        ...withMeeting(base, { place: hostile.slice(0, 200), agenda: [hostile], link: 'https://vmr.example.se/a?b=c,d;e' }),
        participants: base.participants.map((p) => (p.id === 'ssk' || p.id === 'bist' ? { ...p, name } : p)),
      };
      const ics = meetingToICalendar(plan, 'm-sip', { now: NOW });
      assertWellFormed(ics);
      const { ev } = vevent(ics);
      const event = new ICAL.Event(ev);
      assert.equal(event.location, asText(hostile.slice(0, 200)), `LOCATION for ${JSON.stringify(hostile.slice(0, 30))}`);
      assert.ok(String(event.description).includes(`- ${asText(hostile)}`), `DESCRIPTION for ${JSON.stringify(hostile.slice(0, 30))}`);
      assert.equal(ev.getFirstProperty('organizer')!.getParameter('cn'), asParam(name));
      const bist = ev.getAllProperties('attendee').find((a) => String(a.getFirstValue()).endsWith(':bist'))!;
      assert.equal(bist.getParameter('cn'), asParam(name));
      assert.equal(bist.getParameter('role'), 'REQ-PARTICIPANT');
      assert.equal(ev.getAllProperties('attendee').length, plan.meetings[0]!.invitations.length, 'no property injected');
      assert.equal(ev.getFirstPropertyValue('url'), 'https://vmr.example.se/a?b=c,d;e');
    }
  });

  test('RTL overrides, emoji and very long text fold at 75 octets without splitting a character', () => {
    const base = example('se-sip-discharge');
    const texts = ['\u202Egnp.exe\u202C'.repeat(150), '🧑‍🦽👨‍👩‍👧'.repeat(200), 'å'.repeat(2000), `${'x'.repeat(74)}\\;,\n`.repeat(20)];
    for (const text of texts) {
      const plan = withMeeting(base, { agenda: [text], place: text.slice(0, 200), notes: text });
      const ics = meetingToICalendar(plan, 'm-sip', { now: NOW });
      assertWellFormed(ics);
      assert.ok(!ics.includes('\uFFFD'), 'no character was cut in two');
      const event = new ICAL.Event(vevent(ics).ev);
      assert.ok(String(event.description).includes(asText(text)));
    }
  });

  test('a lone surrogate becomes U+FFFD instead of breaking the UTF-8', () => {
    const plan = withMeeting(example('se-sip-discharge'), { place: 'a\uD800b' });
    const event = new ICAL.Event(vevent(meetingToICalendar(plan, 'm-sip', { now: NOW })).ev);
    assert.equal(event.location, 'a\uFFFDb');
  });
});

describe('escaping and folding', () => {
  test('TEXT escapes backslash, semicolon, comma and newlines', () => {
    assert.equal(escapeICalText('a,b;c\\d\ne\r\nf'), 'a\\,b\\;c\\\\d\\ne\\nf');
  });

  test('folding keeps the first line at 75 octets and continuation lines start with a space', () => {
    const folded = foldICalLine(`DESCRIPTION:${'é'.repeat(100)}`);
    const lines = folded.split('\r\n');
    assert.ok(lines.length > 1);
    for (const [i, l] of lines.entries()) {
      assert.ok(Buffer.byteLength(l) <= 75);
      if (i > 0) assert.ok(l.startsWith(' '));
    }
    assert.equal(lines.map((l, i) => (i ? l.slice(1) : l)).join(''), `DESCRIPTION:${'é'.repeat(100)}`);
  });

  test('the file name is ASCII and names the kind and day', () => {
    assert.equal(icsFileName({ id: 'm-1', kind: 'sip-meeting', startsAt: '2026-02-24T10:00:00+01:00' }), 'sip-meeting-2026-02-24.ics');
  });
});
