import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { createPlan, type Plan } from '@sip-kit/core';
import '../define/sip-followup.js';
import { followupMessages, type AttendanceRecordedDetail, type GoalEvaluatedDetail, type MeetingPlannedDetail, type SipFollowup } from './sip-followup.js';
import { progressData } from './parts/chart.js';
import { LazyPart } from '../shared/lazy-part.js';
import { XSS_CORPUS } from '../../../../test/support/xss-corpus.js';
import { expectCatalogues } from '../../../../test/support/catalogues.js';

async function example(name: string): Promise<Plan> {
  const res = await fetch(new URL(`../../../core/examples/${name}.json`, import.meta.url));
  return (await res.json()) as Plan;
}

async function mount(plan: Plan, today: string, attrs: { readonly?: boolean; party?: string; locale?: string } = {}): Promise<SipFollowup> {
  const el = await fixture<SipFollowup>(
    html`<sip-followup autosave="false" today=${today} locale=${attrs.locale ?? 'sv'} party=${attrs.party ?? ''} ?readonly=${attrs.readonly ?? false} .plan=${plan}></sip-followup>`,
  );
  await el.updateComplete;
  return el;
}

const q = <T extends Element = HTMLElement>(el: SipFollowup, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const qa = <T extends Element = HTMLElement>(el: SipFollowup, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

function setValue(el: SipFollowup, sel: string, value: string, type: 'input' | 'change' = 'change'): void {
  const input = q<HTMLInputElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

/** se-sip with every deadline status on 2026-05-26: first contact met, meeting met late, follow-ups met / due today / overdue / upcoming. */
async function everyStatusPlan(): Promise<Plan> {
  const p = await example('se-sip');
  return {
    ...p,
    meetings: p.meetings.map((m) => (m.id === 'm-sip' ? { ...m, heldOn: '2026-02-26' } : m)),
    followUps: [
      ...p.followUps,
      { id: 'f-3', dueOn: '2026-05-20', responsible: 'omar', evaluations: [] },
      { id: 'f-4', dueOn: '2026-06-10', responsible: 'lena', evaluations: [] },
    ],
  };
}

/** Captures the next .ics download instead of letting the browser save it. */
function captureDownload(el: SipFollowup): Promise<{ text: string; name: string; type: string }> {
  const original = URL.createObjectURL;
  let blob: Blob | undefined;
  URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), original.call(URL, b));
  return new Promise((resolve) => {
    const onClick = (e: Event) => {
      const a = e.composedPath()[0] as HTMLAnchorElement;
      if (a.tagName !== 'A' || !a.download) return;
      e.preventDefault();
      el.shadowRoot!.removeEventListener('click', onClick, true);
      URL.createObjectURL = original;
      void blob!.text().then((t) => resolve({ text: t, name: a.download, type: blob!.type }));
    };
    el.shadowRoot!.addEventListener('click', onClick, true);
  });
}

describe('<sip-followup>', () => {
  it('every locale has exactly the Swedish keys, none empty, with the same placeholders', async () => {
    await expectCatalogues(['followupMessages', followupMessages], {});
  });

  describe('deadlines', () => {
    it('shows every status with a fixed today: upcoming, due today, overdue, met, met late', async () => {
      const el = await mount(await everyStatusPlan(), '2026-05-26');
      const items = qa(el, '[part~="deadline"]');
      const statuses = items.map((li) => li.dataset['status']);
      for (const s of ['upcoming', 'due-today', 'overdue', 'met', 'met-late']) expect(statuses, s).to.include(s);
      const badges = items.map((li) => li.querySelector('sip-status-badge')!);
      expect(badges.map((b) => b.status)).to.deep.equal(statuses);
      await expect(el).to.be.accessible();
    });

    it('an overdue deadline stands out with an icon, a word and a shape, not colour alone', async () => {
      const el = await mount(await everyStatusPlan(), '2026-05-26');
      const overdue = q(el, '[part~="deadline-overdue"]');
      const badge = overdue.querySelector('sip-status-badge')!;
      await badge.updateComplete;
      expect(text(badge.shadowRoot!.querySelector('[part="icon"]'))).to.equal('!');
      expect(badge.label).to.equal('Försenad');
      expect(text(overdue)).to.contain('Uppföljning (Omar Haddad)');
      expect(text(overdue)).to.contain('Senast 20 maj 2026');
      expect(text(overdue)).to.match(/4 arbetsdagar för sent/);
      const style = getComputedStyle(overdue);
      expect(style.borderTopStyle).to.equal('dashed');
      expect(parseFloat(style.borderTopWidth)).to.be.at.least(3);
    });

    it("names an LSS plan's yearly review as a review, in every language, never as a follow-up", async () => {
      const plan = await example('se-lss-ip');
      const el = await mount(plan, '2028-01-10');
      const review = qa(el, '[part~="deadline-overdue"]').find((li) => text(li).includes('Omprövning av planen'));
      expect(review, 'the overdue yearly review').to.not.equal(undefined);
      expect(text(review!)).to.contain('Senast 12 mars 2027');
      el.locale = 'nb';
      await el.updateComplete;
      expect(qa(el, '[part~="deadline"]').some((li) => text(li).includes('Gjennomgang av planen'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows working days left and when a deadline was met', async () => {
      const el = await mount(await everyStatusPlan(), '2026-05-26');
      expect(text(q(el, '[part~="deadline-upcoming"]'))).to.contain('arbetsdagar kvar');
      expect(q(el, '[part~="deadline-due-today"] sip-status-badge').getAttribute('label')).to.equal('I dag');
      expect(text(q(el, '[part~="deadline-met-late"]'))).to.contain('Klart 26 februari 2026');
    });
  });

  describe('meetings', () => {
    it('plans a meeting: a non-https link gets core\'s translated error, then the meeting is planned with called and invited parties', async () => {
      const plan = await example('se-sip-discharge');
      const el = await mount(plan, '2026-11-17');
      setValue(el, '#plan-kind', 'follow-up-meeting');
      setValue(el, '#plan-date', '2026-12-01');
      setValue(el, '#plan-time', '13:30');
      setValue(el, '#plan-place', 'Gunnars kök', 'input');
      q<HTMLInputElement>(el, '#plan-chosen').click();
      setValue(el, '#plan-link', 'javascript:alert(1)', 'input');
      setValue(el, '#plan-agenda', 'Hur går det hemma?\nBehövs mer hemtjänst?', 'input');
      let planned = false;
      el.addEventListener('sip-meeting-planned', () => (planned = true));
      q<HTMLButtonElement>(el, '#plan-submit').click();
      await el.updateComplete;
      expect(planned).to.equal(false);
      expect(text(q(el, '#plan-link-error'))).to.equal('Länken måste börja med https://.');
      expect(q(el, '#plan-link').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      setValue(el, '#plan-link', 'https://vmr.example.se/rvn/uppf-1', 'input');
      const event = oneEvent(el, 'sip-meeting-planned');
      q<HTMLButtonElement>(el, '#plan-submit').click();
      const { detail } = (await event) as CustomEvent<MeetingPlannedDetail>;
      expect(detail.meeting.kind).to.equal('follow-up-meeting');
      expect(detail.meeting.startsAt).to.equal('2026-12-01T13:30:00+01:00');
      expect(detail.meeting.placeChosenByPerson).to.equal(true);
      expect(detail.meeting.agenda).to.deep.equal(['Hur går det hemma?', 'Behövs mer hemtjänst?']);
      const modes = Object.fromEntries(detail.meeting.invitations.map((i) => [i.participant, i.mode]));
      expect(modes).to.deep.equal({ gunnar: 'invited', birgitta: 'invited', ssk: 'called', 'vc-ssk': 'called', bist: 'called' });
      expect(el.plan!.meetings).to.have.length(2);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id).to.equal(`m-${detail.meeting.id}-h`);
      await expect(el).to.be.accessible();
    });

    it('exports the invitation as a valid .ics that ical.js parses back', async () => {
      const plan = await example('se-sip-discharge');
      const el = await mount(plan, '2026-11-17');
      const download = captureDownload(el);
      q<HTMLButtonElement>(el, '#m-m-sip-ics').click();
      const file = await download;
      expect(file.name).to.equal('sip-meeting-2026-11-19.ics');
      expect(file.type).to.contain('text/calendar');
      expect(file.text).to.contain('\r\n');
      const ev = new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent('vevent')!;
      const event = new ICAL.Event(ev);
      expect(event.startDate.toJSDate().toISOString()).to.equal('2026-11-19T09:00:00.000Z');
      expect(event.location).to.equal('Avdelning 14, dagrummet');
      expect(String(ev.getFirstPropertyValue('url'))).to.equal('https://vmr.example.se/rvn/sip-4711');
      const roles = ev.getAllProperties('attendee').map((a) => [a.getParameter('cn'), a.getParameter('role'), a.getParameter('partstat')]);
      expect(roles).to.deep.include(['Birgitta Persson', 'OPT-PARTICIPANT', 'ACCEPTED']);
      expect(roles.filter((r) => r[1] === 'REQ-PARTICIPANT')).to.have.length(2);
      expect(roles.find((r) => r[2] === 'NEEDS-ACTION')?.[1]).to.equal('REQ-PARTICIPANT');
      expect(String(event.description)).to.contain('Frågor att ta upp:');
      for (const line of file.text.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
      await waitUntil(() => text(q(el, '[part="announcer"] [role="status"]')) === 'Kalenderfilen är klar.', 'the file is announced');
    });

    it('icsFor() loads the export on first use and gives the file, or undefined for a meeting without one', async () => {
      const el = await mount(await example('se-sip-discharge'), '2026-11-17');
      const ics = await el.icsFor('m-sip', new Date('2026-11-17T08:00:00Z'));
      expect(ics).to.match(/^BEGIN:VCALENDAR\r\n/).and.contain('DTSTAMP:20261117T080000Z');
      expect(await el.icsFor('no-such-meeting')).to.equal(undefined);
    });

    it("says so when the export's code cannot be loaded, keeps what was typed, and exports when pressed again", async () => {
      let online = false;
      const Followup = customElements.get('sip-followup') as typeof SipFollowup;
      class OfflineFollowup extends Followup {
        protected override calendarExport = new LazyPart(() =>
          online ? import('./parts/ics-export.js') : Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
        );
      }
      customElements.define('sip-test-offline-followup', OfflineFollowup);
      const el = await fixture<SipFollowup>(
        html`<sip-test-offline-followup autosave="false" today="2026-11-17" locale="sv" .plan=${await example('se-sip-discharge')}></sip-test-offline-followup>`,
      );
      await el.updateComplete;
      setValue(el, '#plan-place', 'Gunnars kök', 'input');
      q<HTMLButtonElement>(el, '#m-m-sip-ics').click();
      const failed = 'Kalenderfilen gick inte att hämta. Kolla att du är uppkopplad och försök igen.';
      await waitUntil(() => text(q(el, '[part="announcer"] [role="alert"]')) === failed, 'the failure is announced');
      await el.updateComplete;
      expect(text(q(el, '#m-m-sip-ics-error'))).to.equal(failed);
      expect(q(el, '#m-m-sip-ics').getAttribute('aria-describedby')).to.equal('m-m-sip-ics-error');
      expect(q<HTMLInputElement>(el, '#plan-place').value).to.equal('Gunnars kök');
      await expect(el).to.be.accessible();

      online = true;
      const download = captureDownload(el);
      q<HTMLButtonElement>(el, '#m-m-sip-ics').click();
      const file = await download;
      expect(file.name).to.equal('sip-meeting-2026-11-19.ics');
      expect(file.text).to.contain('BEGIN:VEVENT');
      await el.updateComplete;
      expect(q(el, '#m-m-sip-ics-error')).to.equal(null);
      expect(q(el, '#m-m-sip-ics').hasAttribute('aria-describedby')).to.equal(false);
      expect(q<HTMLInputElement>(el, '#plan-place').value).to.equal('Gunnars kök');
      await waitUntil(() => text(q(el, '[part="announcer"] [role="status"]')) === 'Kalenderfilen är klar.', 'the file is announced');
    });

    it('records an answer to an invitation', async () => {
      const el = await mount(await example('se-sip-discharge'), '2026-11-17');
      const change = oneEvent(el, 'sip-followup-change');
      setValue(el, '#m-m-sip-bist-response', 'declined');
      expect((await change).detail.change).to.equal('response');
      const inv = el.plan!.meetings[0]!.invitations.find((i) => i.participant === 'bist')!;
      expect([inv.response, inv.respondedOn]).to.deep.equal(['declined', '2026-11-17']);
    });

    it('withdraws an invitation sent by mistake and asks someone else, with focus kept in the table', async () => {
      const el = await mount(await example('se-sip-discharge'), '2026-11-17');
      const ids = () => el.plan!.meetings[0]!.invitations.map((i) => `${i.participant}:${i.mode}`);
      let change = oneEvent(el, 'sip-followup-change');
      q<HTMLButtonElement>(el, '#m-m-sip-birgitta-remove').click();
      expect((await change).detail.change).to.equal('invitation');
      expect(ids()).to.deep.equal(['gunnar:invited', 'vc-ssk:called', 'bist:called']);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id, 'focus moves to the next row').to.equal('m-m-sip-vc-ssk-remove');
      expect(text(q(el, '#m-m-sip-vc-ssk-remove')), 'the name says whose invitation').to.match(/^Ta bort kallelsen för \S/);
      // Whoever is not asked can be added: the list offers exactly them.
      const options = qa<HTMLOptionElement>(el, '#m-m-sip-add-who option').map((o) => o.value);
      expect(options).to.deep.equal(['birgitta', 'ssk']);
      setValue(el, '#m-m-sip-add-who', 'ssk');
      change = oneEvent(el, 'sip-followup-change');
      q<HTMLButtonElement>(el, '#m-m-sip-add').click();
      await change;
      expect(ids().at(-1)).to.match(/^ssk:(called|invited)$/);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id, 'focus on the new row').to.equal('m-m-sip-ssk-mode');
      await expect(el).to.be.accessible();
    });

    it('a held meeting keeps its invitations: no remove buttons, and core refuses it anyway', async () => {
      const el = await mount(await example('se-sip-discharge'), '2026-11-19');
      expect(qa(el, '[id$="-remove"]').length).to.equal(4);
      setValue(el, '#m-m-sip-bist-att', 'absent');
      q<HTMLButtonElement>(el, '#m-m-sip-att-save').click();
      await el.updateComplete;
      expect(el.plan!.meetings[0]!.status).to.equal('held');
      expect(qa(el, '[id$="-remove"]')).to.deep.equal([]);
      expect(q(el, '#m-m-sip-add-who')).to.equal(null);
    });

    it('records attendance: a called party that was absent is flagged on the plan and in the event', async () => {
      const el = await mount(await example('se-sip-discharge'), '2026-11-19');
      for (const p of ['gunnar', 'birgitta', 'vc-ssk']) setValue(el, `#m-m-sip-${p}-att`, 'attended');
      setValue(el, '#m-m-sip-bist-att', 'absent');
      const event = oneEvent(el, 'sip-attendance-recorded');
      q<HTMLButtonElement>(el, '#m-m-sip-att-save').click();
      const { detail } = (await event) as CustomEvent<AttendanceRecordedDetail>;
      expect(detail.absentCalledParties.map((a) => [a.participant, a.status])).to.deep.equal([['bist', 'absent']]);
      expect(detail.meeting.status).to.equal('held');
      expect(detail.meeting.heldOn).to.equal('2026-11-19');
      await el.updateComplete;
      const flags = q(el, '[part="flags"]');
      expect(text(flags)).to.contain('Kallade som inte kom');
      expect(text(flags)).to.match(/var kallad men kom inte \(SIP-möte, 19 november 2026\)/);
      expect(q(el, 'tr.flagged').textContent).to.contain('⚑');
      await expect(el).to.be.accessible();
    });

    it('an invited party that was absent is not flagged', async () => {
      const el = await mount(await example('no-ip'), '2026-03-01', { locale: 'nb' });
      expect(q(el, '[part="flags"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('saves meeting notes', async () => {
      const el = await mount(await example('se-sip-child'), '2026-03-20');
      const change = oneEvent(el, 'sip-followup-change');
      setValue(el, '#m-m-sip-notes', 'Elias ritade sin vecka.');
      expect((await change).detail.change).to.equal('notes');
      expect(el.plan!.meetings[0]!.notes).to.equal('Elias ritade sin vecka.');
    });
  });

  describe('follow-up', () => {
    it('evaluates goals across two follow-ups and the chart\'s table matches the data', async () => {
      const el = await mount(await example('se-sip'), '2026-05-26');
      expect((q<HTMLSelectElement>(el, '#fu-which')).value).to.equal('f-2');
      const evaluate = async (goal: string, outcome: string, person: string) => {
        setValue(el, `#ev-f-2-${goal}-outcome`, outcome);
        setValue(el, `#ev-f-2-${goal}-person`, person, 'input');
        setValue(el, `#ev-f-2-${goal}-pro`, 'Bedömt av Lena.', 'input');
        const event = oneEvent(el, 'sip-goal-evaluated');
        q<HTMLButtonElement>(el, `#ev-f-2-${goal}-save`).click();
        return ((await event) as CustomEvent<GoalEvaluatedDetail>).detail;
      };
      const d1 = await evaluate('g-boende', 'achieved', 'Jag har flyttat in!');
      expect(d1).to.include({ followUp: 'f-2' });
      expect(d1.evaluation).to.deep.equal({ goal: 'g-boende', outcome: 'achieved', personView: 'Jag har flyttat in!', professionalView: 'Bedömt av Lena.' });
      await evaluate('g-sova', 'partly', 'Lite bättre.');
      await el.updateComplete;

      const data = progressData(el.plan!.goals, el.plan!.followUps);
      expect(data.columns.map((c) => c.id)).to.deep.equal(['f-1', 'f-2']);
      const details = q<HTMLDetailsElement>(el, '[part="chart-table"]');
      details.open = true;
      const rows = [...details.querySelectorAll('tbody tr')];
      const words: Record<string, string> = { achieved: 'Uppnått', partly: 'Delvis', 'not-achieved': 'Inte uppnått', 'not-assessed': 'Inte bedömt' };
      expect(rows.map((r) => [...r.querySelectorAll('td')].map(text))).to.deep.equal(data.rows.map((r) => r.outcomes.map((o) => (o ? words[o] : '–'))));
      expect(rows.map((r) => text(r.querySelector('th')))).to.deep.equal(el.plan!.goals.map((g) => g.text));
      expect(text(details.querySelector('thead'))).to.contain('7 april 2026').and.contain('26 maj 2026');
      const boende = el.plan!.goals.find((g) => g.id === 'g-boende')!;
      const chart = qa(el, '[part="chart"] svg[role="img"]').find((s) => s.getAttribute('aria-label')!.startsWith(boende.text))!;
      expect(chart.getAttribute('aria-label')).to.equal(`${boende.text}: 7 april 2026 delvis, 26 maj 2026 uppnått.`);
      expect(chart.querySelectorAll('circle.o-achieved, path.o-partly')).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('completes a follow-up and books the next one, linked from it', async () => {
      const el = await mount(await example('se-sip'), '2026-05-26');
      const done = oneEvent(el, 'sip-followup-change');
      q<HTMLButtonElement>(el, '#fu-complete').click();
      expect((await done).detail.change).to.equal('follow-up-done');
      expect(el.plan!.followUps.find((f) => f.id === 'f-2')!.doneOn).to.equal('2026-05-26');
      q<HTMLButtonElement>(el, '#book-submit').click();
      await el.updateComplete;
      expect(text(q(el, '[part="book-form"] .sip-errors'))).to.equal('Välj dag och vem som ansvarar.');
      setValue(el, '#book-date', '2026-09-01');
      setValue(el, '#book-who', 'omar');
      const booked = oneEvent(el, 'sip-followup-change');
      q<HTMLButtonElement>(el, '#book-submit').click();
      expect((await booked).detail.change).to.equal('follow-up-booked');
      const next = el.plan!.followUps.find((f) => f.dueOn === '2026-09-01')!;
      expect(next.responsible).to.equal('omar');
      expect(el.plan!.followUps.find((f) => f.id === 'f-2')!.nextFollowUp).to.equal(next.id);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('read-only shows the plan without any form', async () => {
      const el = await mount(await example('se-sip'), '2026-05-26', { readonly: true });
      expect(qa(el, 'form, button:not([part="export"]), select:not(:disabled):not(#fu-which), textarea:not([readonly])')).to.have.length(0);
      expect(text(q(el, '[part="meeting"]'))).to.contain('Stadsbiblioteket');
      await expect(el).to.be.accessible();
    });

    it('acting for a party that consent does not cover shows notices instead of meetings and follow-ups', async () => {
      // The person withdrew consent for Försäkringskassan (fk) in the example.
      const el = await mount(await example('se-sip'), '2026-05-26', { party: 'fk' });
      expect(qa(el, '[part="not-covered"]').length).to.be.at.least(2);
      expect(el.shadowRoot!.textContent).not.to.contain('Stadsbiblioteket');
      expect(qa(el, '[part~="deadline"]')).to.have.length(0);
      expect(qa(el, '[part="not-covered"]')).to.have.length(4);
      await expect(el).to.be.accessible();
    });

    it('acting for a party never shows anything of the plan before the party\'s copy is made (its code loads on demand)', async () => {
      const plan = await example('se-sip');
      const seen: string[] = [];
      const el = document.createElement('sip-followup') as SipFollowup;
      el.setAttribute('autosave', 'false');
      el.setAttribute('today', '2026-05-26');
      el.setAttribute('party', 'fk');
      el.plan = plan;
      // The shadow root exists once the element is connected; lit renders in a later microtask, so every render is watched.
      document.body.append(el);
      const observer = new MutationObserver(() => seen.push(el.shadowRoot!.textContent ?? ''));
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      try {
        await el.updateComplete;
        observer.disconnect();
        expect(qa(el, '[part="not-covered"]')).to.have.length(4);
        expect(seen.length).to.be.greaterThan(0);
        for (const t of seen) expect(t).not.to.contain('Stadsbiblioteket');
      } finally {
        el.remove();
      }
    });

    it('acting for a party that may not see follow-ups hides them and their deadlines, and shows the meetings', async () => {
      const base = await example('se-sip');
      const consent = base.consents[0]!;
      const exclusion = { id: 'x-fu', text: 'Inte uppföljningarna', parties: ['af'], section: 'followUps' as const };
      const plan: Plan = { ...base, consents: [{ ...consent, scope: { ...consent.scope, exclusions: [...consent.scope.exclusions, exclusion] } }] };
      const el = await mount(plan, '2026-05-26', { party: 'af' });
      expect(text(q(el, '[part="meetings"]'))).to.contain('Stadsbiblioteket');
      expect(q(el, '[part="followups"] [part="not-covered"]')).to.not.equal(null);
      expect(q(el, '[part="progress"] [part="not-covered"]')).to.not.equal(null);
      expect(qa(el, '[part~="deadline"]').map((d) => d.textContent)).to.satisfy((t: string[]) => t.length > 0 && t.every((x) => !x.includes('Uppföljning')));
      await expect(el).to.be.accessible();
    });

    it('a new plan with nothing yet says so', async () => {
      const plan = createPlan({ type: 'se-sip', person: { name: 'Test' }, needIdentifiedOn: '2026-11-02' });
      const el = await mount(plan, '2026-11-03', { locale: 'en' });
      expect(text(q(el, '[part="meetings"]'))).to.contain('No meetings yet.');
      expect(text(q(el, '[part="progress"]'))).to.contain('No goal has been evaluated yet.');
      await expect(el).to.be.accessible();
    });

    it('hostile text shows as text and nothing from it becomes an element', async () => {
      const base = await example('se-sip');
      const hostile = XSS_CORPUS.slice(0, 100);
      const plan: Plan = {
        ...base,
        goals: base.goals.map((g, i) => ({ ...g, text: hostile[i]! || 'x' })),
        meetings: base.meetings.map((m) => ({ ...m, place: hostile[5]!.slice(0, 200), agenda: hostile, notes: hostile.join('\n').slice(0, 10000) })),
      };
      const el = await mount(plan, '2026-05-26');
      expect((window as { __sipXss?: number }).__sipXss).to.equal(undefined);
      for (const tag of ['script', 'img', 'iframe', 'object', 'embed', 'video', 'audio', 'marquee', 'math', 'base', 'meta', 'link', 'x']) {
        expect(el.shadowRoot!.querySelector(tag), tag).to.equal(null);
      }
      // The only SVG is the element's own chart (and legend), never one from the text.
      expect(qa(el, 'svg').every((s) => s.closest('[part="chart"], [part="legend"]'))).to.equal(true);
      expect(el.shadowRoot!.textContent).to.contain(hostile[0]);
    });
  });

  describe('keyboard', () => {
    /** Presses Tab until focus reaches `id` (a date or time input takes several presses: one per segment). */
    async function tabTo(el: SipFollowup, id: string, max = 8): Promise<void> {
      for (let i = 0; i < max && el.shadowRoot!.activeElement?.id !== id; i++) await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.id).to.equal(id);
    }

    it('records attendance, plans a meeting and evaluates a goal with the keyboard only', async () => {
      const el = await mount(await example('se-sip-discharge'), '2026-11-19');
      // Each task starts where a skip link would put the user; from there on only keys.
      q(el, '#m-m-sip-gunnar-att').focus();
      await sendKeys({ press: 'ArrowDown' }); // attended
      for (const p of ['birgitta', 'vc-ssk', 'bist']) {
        await tabTo(el, `m-m-sip-${p}-att`);
        await sendKeys({ press: 'ArrowDown' });
      }
      await sendKeys({ press: 'ArrowDown' }); // bist: absent
      await tabTo(el, 'm-m-sip-att-save');
      const recorded = oneEvent(el, 'sip-attendance-recorded');
      await sendKeys({ press: 'Enter' });
      expect(((await recorded) as CustomEvent<AttendanceRecordedDetail>).detail.absentCalledParties.map((a) => a.participant)).to.deep.equal(['bist']);

      q(el, '#plan-kind').focus();
      await tabTo(el, 'plan-date');
      const order = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(Date.UTC(2026, 11, 1))).filter((p) => p.type !== 'literal').map((p) => p.type);
      const segment: Record<string, string> = { year: '2026', month: '12', day: '03' };
      for (const part of order) await sendKeys({ type: segment[part]! });
      await tabTo(el, 'plan-time');
      await sendKeys({ type: '1015' });
      if (new Intl.DateTimeFormat(navigator.language, { hour: 'numeric' }).resolvedOptions().hourCycle?.startsWith('h1')) await sendKeys({ type: 'A' });
      await tabTo(el, 'plan-place');
      await sendKeys({ type: 'Biblioteket' });
      const planned = oneEvent(el, 'sip-meeting-planned');
      await sendKeys({ press: 'Enter' });
      const { detail } = (await planned) as CustomEvent<MeetingPlannedDetail>;
      expect(detail.meeting.startsAt).to.equal('2026-12-03T10:15:00+01:00');
      expect(detail.meeting.place).to.equal('Biblioteket');

      q(el, '#ev-f-1-g-hem-outcome').focus();
      await sendKeys({ press: 'Home' }); // achieved
      await tabTo(el, 'ev-f-1-g-hem-person');
      await sendKeys({ type: 'Jag vill hem.' });
      await tabTo(el, 'ev-f-1-g-hem-save');
      const evaluated = oneEvent(el, 'sip-goal-evaluated');
      await sendKeys({ press: 'Enter' });
      const ev = ((await evaluated) as CustomEvent<GoalEvaluatedDetail>).detail.evaluation;
      expect([ev.outcome, ev.personView]).to.deep.equal(['achieved', 'Jag vill hem.']);
      await expect(el).to.be.accessible();
    });
  });
});
