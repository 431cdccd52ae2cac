import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';

const tick = () => new Promise((r) => setTimeout(r, 0));
import { sendKeys } from '@web/test-runner-commands';
import { parsePlan, type Plan } from '@sip-kit/core';
import '../define/sip-plan-editor.js';
import '../define/sip-context.js';
import type { SipPlanEditor, PlanSaveErrorDetail } from './sip-plan-editor.js';
import type { RepositoryService } from '../context/services.js';
import { expectCatalogues } from '../../../../test/support/catalogues.js';
import { editorMessages } from './messages.js';

// The example plans from core, fetched from the test server (JSON modules are not served as modules here).
const [sePlan, childPlan] = await Promise.all(['se-sip', 'se-sip-child'].map((n) => fetch(`/packages/core/examples/${n}.json`).then((r) => r.json())));

const adult = (): Plan => parsePlan(sePlan);
const child = (): Plan => parsePlan(childPlan);
const empty = (): Plan =>
  parsePlan({ ...sePlan, id: 'empty', status: 'initiated', goals: [], interventions: [], needs: [], resources: [], followUps: [], coordinator: undefined, coordinatorHistory: [], meetings: [], consents: [], personVoice: {}, establishedOn: undefined, firstContactOn: undefined, pendingApproval: [], approvals: [], audit: [] });

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel)!;
const memoryRepo = (): RepositoryService & { saves: Plan[] } => {
  const saves: Plan[] = [];
  return { saves, load: async () => saves.at(-1)!, save: async (p) => (saves.push({ ...p, version: p.version + 1 }), saves.at(-1)!) };
};
async function editor(plan: Plan, extra: Partial<SipPlanEditor> = {}): Promise<SipPlanEditor> {
  const el = await fixture<SipPlanEditor>(html`<sip-plan-editor today="2026-03-10" .repository=${memoryRepo()} .plan=${plan}></sip-plan-editor>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}
async function type(el: SipPlanEditor, sel: string, text: string) {
  const input = $<HTMLInputElement>(el, sel);
  input.focus();
  input.value = '';
  input.dispatchEvent(new Event('input'));
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<sip-plan-editor>', function () {
  // axe over the whole editor is slow on a busy 2-core machine.
  this.timeout(60_000);
  it('shows every section of a full plan and is accessible', async () => {
    const el = await editor(adult());
    for (const name of ['person', 'voice', 'parties', 'participants', 'roles', 'needs', 'resources', 'goals', 'interventions', 'followUps']) {
      expect(root(el).querySelector(`[part~="section-${name}"]`), name).to.exist;
    }
    expect($<HTMLTextAreaElement>(el, '#voice-matters').value).to.equal(adult().personVoice.whatMattersToMe ?? '');
    await expect(el).to.be.accessible();
  });

  it('an empty plan shows what is missing from the rules next to the section, and is accessible', async () => {
    const el = await editor(empty());
    const text = $(el, '[part~="completeness"]').textContent!;
    expect(text).to.contain('saknas');
    expect($(el, '[part~="section-goals"]').querySelector('.sip-errors')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('edits the person, the voice, needs, resources and goals through the store', async () => {
    const el = await editor(empty());
    const changes: string[] = [];
    el.addEventListener('sip-plan-change', (e) => changes.push((e as CustomEvent).detail.command.type));
    await type(el, '#voice-matters', 'Att få bo kvar');
    expect(el.plan!.personVoice.whatMattersToMe).to.equal('Att få bo kvar');
    await type(el, '#person-preferred', 'Annie');
    expect(el.plan!.person.preferredName).to.equal('Annie');
    await type(el, '#new-need', 'Hjälp med ekonomin');
    $(el, '[part~="section-needs"] [part~="add"]').click();
    await el.updateComplete;
    expect(el.plan!.needs.map((n) => n.text)).to.deep.equal(['Hjälp med ekonomin']);
    await type(el, '#new-resource', 'Bra på att laga mat');
    $(el, '[part~="section-resources"] [part~="add"]').click();
    await el.updateComplete;
    expect(el.plan!.resources).to.have.length(1);
    expect(changes).to.include.members(['updatePersonVoice', 'updatePerson', 'addNeed', 'addResource']);
  });

  it('edits every field of an intervention and links it to goals', async () => {
    const el = await editor(adult());
    const first = el.plan!.interventions[0]!;
    $(el, `#iv-${first.id}-toggle`).click();
    await el.updateComplete;
    await type(el, `#iv-${first.id}-extent`, '3 timmar i veckan');
    await type(el, `#iv-${first.id}-where`, 'Hemma');
    await type(el, `#iv-${first.id}-unit`, 'Boendestöd');
    const goal = el.plan!.goals.find((g) => !first.goals.includes(g.id))!;
    const box = [...root(el).querySelectorAll<HTMLInputElement>(`[id^="iv-${first.id}-goals-"]`)].find((b) => b.nextElementSibling!.textContent === goal.text)!;
    box.click();
    await el.updateComplete;
    const now = el.plan!.interventions.find((i) => i.id === first.id)!;
    expect(now.extent).to.equal('3 timmar i veckan');
    expect(now.where).to.equal('Hemma');
    expect(now.unit).to.equal('Boendestöd');
    expect(now.goals).to.include(goal.id);
    await expect(el).to.be.accessible();
  });

  it('a Norwegian plan asks how each measure is carried out, next to the field where it is written', async () => {
    const base = parsePlan(await fetch('/packages/core/examples/no-ip.json').then((r) => r.json()));
    const first = base.interventions[0]!;
    const el = await editor({ ...base, interventions: base.interventions.map((i) => (i.id === first.id ? { ...i, how: undefined } : i)) }, { locale: 'nb' });
    $(el, `#iv-${first.id}-toggle`).click();
    await el.updateComplete;
    const how = $<HTMLTextAreaElement>(el, `#iv-${first.id}-how`);
    expect(how.labels![0]!.textContent).to.contain('Hvordan det skal gjøres');
    expect($(el, `#iv-${first.id}-how-error`).textContent).to.contain('Et tiltak mangler hvordan det skal gjennomføres.');
    await type(el, `#iv-${first.id}-how`, 'Avtaler tider med Ingrid hver uke');
    expect(el.plan!.interventions.find((i) => i.id === first.id)!.how).to.equal('Avtaler tider med Ingrid hver uke');
    expect(root(el).querySelector(`#iv-${first.id}-how-error`)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a Norwegian plan asks for the cooperation needed with other agencies; the person sees it in their view', async () => {
    const base = parsePlan(await fetch('/packages/core/examples/no-ip.json').then((r) => r.json()));
    const el = await editor({ ...base, cooperation: undefined }, { locale: 'nn' });
    const field = $<HTMLTextAreaElement>(el, '#plan-cooperation');
    expect(field.labels![0]!.textContent).to.contain('Naudsynt samarbeid med andre');
    expect($(el, '#plan-cooperation-error').textContent!.trim().length).to.be.greaterThan(0);
    await type(el, '#plan-cooperation', 'NAV om arbeidstrening');
    expect(el.plan!.cooperation).to.equal('NAV om arbeidstrening');
    expect(root(el).querySelector('#plan-cooperation-error')).to.equal(null);
    await expect(el).to.be.accessible();
    el.mode = 'person';
    await el.updateComplete;
    expect($(el, '[part~="section-cooperation"]').textContent).to.contain('NAV om arbeidstrening');
    await expect(el).to.be.accessible();
  });

  it("a Norwegian plan asks what the person does themselves (§ 19 d), next to the field; both parts show in the person's view", async () => {
    const base = parsePlan(await fetch('/packages/core/examples/no-ip.json').then((r) => r.json()));
    const el = await editor({ ...base, personVoice: { ...base.personVoice, ownContribution: undefined, relativesContribution: undefined } }, { locale: 'nb' });
    expect($<HTMLTextAreaElement>(el, '#voice-contribution').labels![0]!.textContent).to.contain('Dette gjør jeg selv');
    expect($(el, '#voice-contribution-error').textContent).to.contain('Planen sier ikke hva personen selv skal gjøre.');
    expect(root(el).querySelector('#voice-relatives-error'), "relatives' part is not required").to.equal(null);
    await type(el, '#voice-contribution', 'Går tur hver dag');
    await type(el, '#voice-relatives', 'Datteren handler på lørdager');
    expect([el.plan!.personVoice.ownContribution, el.plan!.personVoice.relativesContribution]).to.deep.equal(['Går tur hver dag', 'Datteren handler på lørdager']);
    expect(root(el).querySelector('#voice-contribution-error')).to.equal(null);
    await expect(el).to.be.accessible();
    el.mode = 'person';
    await el.updateComplete;
    expect($(el, '[part~="section-contribution"]').textContent).to.contain('Går tur hver dag');
    expect($(el, '[part~="section-relatives"]').textContent).to.contain('Datteren handler på lørdager');
    await expect(el).to.be.accessible();
  });

  it('a Swedish plan without a cooperation text shows no such field', async () => {
    const el = await editor(adult());
    expect(root(el).querySelector('#plan-cooperation')).to.equal(null);
  });

  it('a refused change keeps the text, says why next to the field and announces it', async () => {
    const el = await editor(adult());
    const goal = el.plan!.goals[0]!;
    const invalid = oneEvent(el, 'sip-plan-invalid');
    await type(el, `#goal-${goal.id}-text`, '');
    $<HTMLTextAreaElement>(el, `#goal-${goal.id}-text`).value = '';
    $(el, `#goal-${goal.id}-text`).dispatchEvent(new Event('input'));
    const { detail } = await invalid;
    await el.updateComplete;
    expect(detail.field).to.equal(`goal-${goal.id}-text`);
    const area = $(el, `#goal-${goal.id}-text`);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(area.getAttribute('aria-describedby')).to.contain(`goal-${goal.id}-text-error`);
    expect($(el, `#goal-${goal.id}-text-error`).textContent).to.contain('fyllas i');
    await new Promise((r) => setTimeout(r, 80));
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('fyllas i');
    expect(el.plan!.goals[0]!.text).to.equal(goal.text);
  });

  it('keyboard only: adds a goal, adds an intervention, assigns the coordinator and saves, with focus following', async () => {
    const repo = memoryRepo();
    const el = await fixture<SipPlanEditor>(html`<sip-plan-editor today="2026-03-10" .repository=${repo} .plan=${empty()}></sip-plan-editor>`);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    $(el, '#new-goal').focus();
    await sendKeys({ type: 'Kunna jobba igen' });
    await sendKeys({ press: 'Tab' }); // horizon
    await sendKeys({ press: 'Tab' }); // expressed by
    await sendKeys({ press: 'Tab' }); // add button
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tick();
    const goal = el.plan!.goals[0]!;
    expect(goal.text).to.equal('Kunna jobba igen');
    expect(root(el).activeElement!.id).to.equal(`goal-${goal.id}-text`);

    $(el, '#new-iv').focus();
    await sendKeys({ type: 'Stöd i hemmet' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tick();
    const iv = el.plan!.interventions[0]!;
    expect(iv.what).to.equal('Stöd i hemmet');
    expect(root(el).activeElement!.id).to.equal(`iv-${iv.id}-what`);

    $(el, '#role-coordinator').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Ny tjänst' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tick();
    expect(el.plan!.coordinator).to.be.a('string');
    expect(el.plan!.coordinatorHistory.at(-1)!.reason).to.equal('Ny tjänst');
    expect(root(el).activeElement!.id).to.equal('role-coordinator-current');

    const saved = oneEvent(el, 'sip-plan-save');
    $(el, '[part~="save"]').focus();
    await sendKeys({ press: 'Enter' });
    await saved;
    expect(repo.saves.at(-1)!.coordinator).to.equal(el.plan!.coordinator);
    await expect(el).to.be.accessible();
  });

  it('removes and reorders goals with buttons, keeping focus on the moved item', async () => {
    const el = await editor(adult());
    const [a, b] = el.plan!.goals;
    $(el, `#goal-${a!.id}-down`).click();
    await el.updateComplete;
    await tick();
    expect(el.plan!.goals[1]!.id).to.equal(a!.id);
    expect(root(el).activeElement!.id).to.equal(`goal-${a!.id}-down`);
    $(el, `#goal-${b!.id}-remove`).click();
    await el.updateComplete;
    await tick();
    expect(el.plan!.goals.map((g) => g.id)).not.to.include(b!.id);
    expect(root(el).activeElement!.id).to.match(/^goal-.*-remove$|^new-goal$/);
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const el = await editor(adult());
    const before = el.plan!.person.preferredName ?? '';
    await type(el, '#person-preferred', 'X');
    expect(el.plan!.person.preferredName).to.equal('X');
    $(el, '#person-name').focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    expect(el.plan!.person.preferredName ?? '').to.equal('');
    await sendKeys({ down: 'Control' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Z' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    expect(el.plan!.person.preferredName).to.equal('X');
    void before;
  });

  async function undoKey(el: SipPlanEditor) {
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
  }

  it('Ctrl+Z undoes a whole word typed into one field, not one letter', async () => {
    const el = await editor(adult());
    const before = el.plan!;
    $(el, '#person-preferred').focus();
    await sendKeys({ type: 'abc' });
    await el.updateComplete;
    expect(el.plan!.person.preferredName).to.equal('abc');
    await undoKey(el);
    expect(el.plan).to.equal(before);
    expect($<HTMLInputElement>(el, '#person-preferred').value).to.equal('');
    expect(el.store!.canUndo).to.equal(false);
  });

  it('leaving the field or pausing starts a new undo step', async () => {
    const el = await editor(adult());
    $(el, '#person-preferred').focus();
    await sendKeys({ type: 'ab' });
    $(el, '#person-name').focus();
    $(el, '#person-preferred').focus();
    await sendKeys({ type: 'c' });
    await undoKey(el);
    expect(el.plan!.person.preferredName).to.equal('ab');

    await sendKeys({ type: 'x' });
    await new Promise((r) => setTimeout(r, 1100));
    await sendKeys({ type: 'y' });
    await undoKey(el);
    expect(el.plan!.person.preferredName).to.equal('abx');
  });

  it('a long plan paints its first goals and interventions at once and the rest right after; an edit brings them all', async () => {
    const base = adult();
    const many = (): Plan =>
      parsePlan({
        ...base,
        goals: Array.from({ length: 30 }, (_, n) => ({ ...base.goals[0]!, id: `goal-${n}`, text: `Mål ${n}` })),
        interventions: Array.from({ length: 70 }, (_, n) => ({ ...base.interventions[0]!, id: `many-${n}`, what: `Insats ${n}`, goals: [] })),
        followUps: base.followUps.map((f) => ({ ...f, evaluations: [] })),
        pendingApproval: [],
      });
    const items = (el: SipPlanEditor, section: string) => root(el).querySelectorAll(`[part~="section-${section}"] [part~="item"]`).length;
    const busy = (el: SipPlanEditor, section: string) => $(el, `[part~="section-${section}"] ol`).getAttribute('aria-busy');
    const el = await editor(many());
    expect(items(el, 'interventions')).to.be.below(70);
    expect(items(el, 'goals')).to.be.below(30);
    expect([busy(el, 'goals'), busy(el, 'interventions')]).to.deep.equal(['true', 'true']);
    expect($(el, '#iv-many-0-down').hasAttribute('disabled')).to.equal(false);
    await waitUntil(() => items(el, 'interventions') === 70 && items(el, 'goals') === 30, 'every goal and intervention is rendered');
    expect([busy(el, 'goals'), busy(el, 'interventions')]).to.deep.equal(['false', 'false']);
    expect($(el, '#iv-many-69-down').hasAttribute('disabled')).to.equal(true);
    await expect(el).to.be.accessible();

    const editedAtOnce = await editor(many());
    await type(editedAtOnce, '#person-preferred', 'A');
    expect([items(editedAtOnce, 'goals'), items(editedAtOnce, 'interventions')]).to.deep.equal([30, 70]);
  });

  it('a failed save keeps every typed character, says what failed and retries', async () => {
    let fail = true;
    const repo: RepositoryService = {
      load: async () => adult(),
      save: async (p) => {
        if (fail) throw Object.assign(new Error('offline'), { name: 'NetworkError' });
        return { ...p, version: p.version + 1 };
      },
    };
    const el = await fixture<SipPlanEditor>(html`<sip-plan-editor today="2026-03-10" .repository=${repo} .plan=${adult()}></sip-plan-editor>`);
    await new Promise((r) => setTimeout(r, 30));
    await type(el, '#voice-own', 'Jag vill att alla lyssnar på mig.');
    const failed = oneEvent(el, 'sip-plan-save-error');
    void el.save();
    const { detail } = (await failed) as CustomEvent<PlanSaveErrorDetail>;
    await el.updateComplete;
    expect(detail.failure).to.equal('network');
    expect($<HTMLTextAreaElement>(el, '#voice-own').value).to.equal('Jag vill att alla lyssnar på mig.');
    expect(el.plan!.personVoice.ownWords).to.equal('Jag vill att alla lyssnar på mig.');
    expect($(el, '[part~="save-error"]').textContent).to.contain('kontakten med servern');
    await expect(el).to.be.accessible();
    fail = false;
    const saved = oneEvent(el, 'sip-plan-save');
    $(el, '[part~="retry"]').click();
    expect((await saved).detail.plan.personVoice.ownWords).to.equal('Jag vill att alla lyssnar på mig.');
  });

  it('person mode is a read-only plain-language view, accessible', async () => {
    const el = await editor(adult(), { mode: 'person' });
    expect(root(el).querySelector('input, textarea, select, button')).to.equal(null);
    expect($(el, '[part~="person-view"]').textContent).to.contain('Min plan');
    await expect(el).to.be.accessible();
  });

  it('person mode (its own chunk, loaded on demand) renders once loaded, and the mode switches back and forth at runtime', async () => {
    const el = await editor(adult());
    expect(root(el).querySelector('[part~="person-view"]')).to.equal(null);
    el.mode = 'person';
    await el.updateComplete;
    expect(root(el).querySelector('.lazy-loading, .lazy-failed'), 'no busy or failed status once loaded').to.equal(null);
    expect($(el, '[part~="person-view"] h2').textContent).to.contain('Min plan');
    expect($(el, '[part~="section-goals"]').textContent).to.contain(adult().goals[0]!.text);
    expect(root(el).querySelector('input, textarea, select, button')).to.equal(null);
    await expect(el).to.be.accessible();
    el.mode = 'professional';
    await el.updateComplete;
    expect(root(el).querySelector('[part~="person-view"]')).to.equal(null);
    await type(el, '#voice-matters', 'Att få bo kvar hemma');
    el.mode = 'person';
    await el.updateComplete;
    expect($(el, '[part~="section-voice"]').textContent).to.contain('Att få bo kvar hemma');
    await expect(el).to.be.accessible();
  });

  it("person mode in English and Norwegian: the view's own strings load with it (no Swedish first) and follow a change of language", async () => {
    const el = await fixture<SipPlanEditor>(html`<sip-plan-editor today="2026-03-10" .repository=${memoryRepo()} .plan=${adult()}></sip-plan-editor>`);
    // Every heading the person's view ever shows, however briefly.
    const seen = new Set<string>();
    const watch = new MutationObserver(() => {
      const h2 = root(el).querySelector('[part~="person-view"] h2');
      if (h2) seen.add(h2.textContent!);
    });
    watch.observe(root(el), { childList: true, subtree: true, characterData: true });
    const heading = () => [$(el, '[part~="person-view"] h2').textContent, $(el, '#h-p-goals').textContent, $(el, '#h-p-help').textContent];
    el.locale = 'en';
    el.mode = 'person';
    await el.updateComplete;
    expect(root(el).querySelector('.lazy-loading, .lazy-failed'), 'no busy or failed status once loaded').to.equal(null);
    expect(heading()).to.deep.equal(['My plan', 'What I want to achieve', 'The help I get']);
    expect($(el, '[part~="section-goals"]').closest('[lang]')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
    el.locale = 'nb';
    await el.updateComplete;
    expect(heading()).to.deep.equal(['Planen min', 'Dette vil jeg klare', 'Denne hjelpen får jeg']);
    expect($(el, '[part~="section-coordinator"]').textContent).to.contain('Denne personen holder sammen planen min');
    // From the lang attribute too, back to a language already loaded.
    el.locale = undefined;
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(heading()).to.deep.equal(['My plan', 'What I want to achieve', 'The help I get']);
    watch.disconnect();
    expect([...seen], 'never the Swedish heading').to.deep.equal(['My plan', 'Planen min']);
  });

  it('a child plan has the child’s own view, in both modes', async () => {
    const el = await editor(child());
    expect($(el, '#voice-child')).to.exist;
    el.mode = 'person';
    await el.updateComplete;
    expect($(el, '[part~="section-child"]').textContent).to.contain(child().personVoice.childView?.text ?? '');
    await expect(el).to.be.accessible();
  });

  it('readonly shows the plan without any way to change it', async () => {
    const el = await editor(adult(), { readonly: true });
    expect(root(el).querySelector('[part~="add"], [part~="remove"], [part~="undo"]')).to.equal(null);
    expect($<HTMLInputElement>(el, '#person-name').readOnly).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows an overdue deadline in the banner', async () => {
    const el = await editor(empty(), { today: '2027-01-01' });
    await el.updateComplete;
    const banner = $(el, '[part~="deadline-banner"]');
    expect(banner.querySelector('sip-status-badge[status="overdue"]')).to.exist;
  });

  it('marks changes that need the person’s approval', async () => {
    const el = await editor(adult());
    await type(el, `#goal-${el.plan!.goals[0]!.id}-text`, 'Ett nytt mål');
    expect(el.plan!.pendingApproval.length).to.be.greaterThan(0);
    expect($(el, '[part~="completeness"] [part~="approval"]')).to.exist;
  });

  for (const [locale, word] of [['sv', 'Mål'], ['nb', 'Mål'], ['nn', 'Mål'], ['en', 'Goals']] as const) {
    it(`renders in ${locale}`, async () => {
      const el = await editor(adult(), { locale });
      expect($(el, '#h-goals').textContent).to.equal(word);
      expect(root(el).firstElementChild!.getAttribute('lang')).to.equal(locale);
      await expect(el).to.be.accessible();
    });
  }

  it('switches language at runtime from the lang attribute', async () => {
    const el = await editor(adult());
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect($(el, '#h-interventions').textContent).to.equal('Support and services');
  });

  it('works inside <sip-context> with the shared store', async () => {
    const wrap = await fixture(html`<sip-context today="2026-03-10" .repository=${memoryRepo()} .plan=${adult()}><sip-plan-editor></sip-plan-editor></sip-context>`);
    const el = wrap.querySelector('sip-plan-editor')!;
    await el.updateComplete;
    expect($(el, '#person-name')).to.exist;
    expect(el.store).to.equal((wrap as HTMLElement & { store: unknown }).store);
  });
});

/** Every text, attribute and form value in the editor's shadow root, including the live region. */
function everything(el: Element): string {
  const out = [root(el).textContent ?? ''];
  for (const node of root(el).querySelectorAll('*')) {
    for (const a of node.getAttributeNames()) out.push(node.getAttribute(a) ?? '');
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) out.push(node.value);
    if (node.shadowRoot) out.push(node.shadowRoot.textContent ?? '');
  }
  return out.join('\n');
}

/** Free text (not dates, ids or enum words) anywhere in `value`. */
function texts(value: unknown): string[] {
  const out = new Set<string>();
  const skip = /^(\d{4}-\d{2}-\d{2}(T.*)?|[a-z0-9-]+)$/;
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length >= 6 && !skip.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out];
}

describe('<sip-plan-editor> acting for a party', function () {
  this.timeout(60_000);
  // In se-sip, Anna shares with psychiatry fully, with Arbetsförmedlingen (af) except her needs, and withdrew Försäkringskassan (fk) on 2026-04-20.
  const TODAY = '2026-05-04';
  async function asParty(plan: Plan, party: string): Promise<SipPlanEditor> {
    const el = await fixture<SipPlanEditor>(html`<sip-plan-editor today=${TODAY} party=${party} .repository=${memoryRepo()} .plan=${plan}></sip-plan-editor>`);
    await el.updateComplete;
    return el;
  }
  const noWayToChange = (el: SipPlanEditor) => {
    expect(root(el).querySelector('[part~="add"], [part~="remove"], [part~="undo"], [part~="save"], [part~="up"], [part~="down"]')).to.equal(null);
    for (const c of root(el).querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type="checkbox"]), textarea')) expect(c.readOnly, c.id).to.equal(true);
    for (const c of root(el).querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input[type="checkbox"]')) expect(c.disabled, c.id).to.equal(true);
  };

  it('with full consent shows the plan, read-only, and is accessible', async () => {
    const plan = adult();
    const el = await asParty(plan, 'region-psykiatri');
    expect(el.getAttribute('party')).to.equal('region-psykiatri');
    expect($(el, '[part~="party-note"]')).to.exist;
    expect($<HTMLInputElement>(el, '#person-name').value).to.equal(plan.person.name);
    expect($<HTMLTextAreaElement>(el, `#goal-${plan.goals[0]!.id}-text`).value).to.equal(plan.goals[0]!.text);
    expect($<HTMLTextAreaElement>(el, `#need-${plan.needs[0]!.id}-text`).value).to.equal(plan.needs[0]!.text);
    expect(root(el).querySelector('[part~="not-covered"]')).to.equal(null);
    noWayToChange(el);
    await expect(el).to.be.accessible();
  });

  it('excluded from a section shows the notice there and none of that section’s text, and is accessible', async () => {
    const plan = adult();
    const el = await asParty(plan, 'af');
    const needs = $(el, '[part~="section-needs"]');
    expect(needs.querySelector('[part~="not-covered"]')).to.exist;
    expect(needs.querySelector('textarea, [part~="list"]')).to.equal(null);
    const all = everything(el);
    const found = plan.needs.map((n) => n.text).filter((t) => all.includes(t));
    expect(found, `leaked: ${found.join(' | ')}`).to.deep.equal([]);
    // The rest is still there.
    expect($<HTMLTextAreaElement>(el, `#goal-${plan.goals[0]!.id}-text`).value).to.equal(plan.goals[0]!.text);
    expect($(el, '[part~="section-goals"] [part~="not-covered"]')).to.equal(null);
    noWayToChange(el);
    await expect(el).to.be.accessible();
  });

  it('without consent shows nothing of the plan, only notices, and is accessible', async () => {
    const plan = adult();
    const el = await asParty(plan, 'fk');
    const { audit: _audit, ...rest } = plan;
    const all = everything(el);
    const found = texts(rest).filter((t) => all.includes(t));
    expect(found, `leaked: ${found.join(' | ')}`).to.deep.equal([]);
    const sections = [...root(el).querySelectorAll('[part~="section"]')];
    expect(sections.length).to.be.greaterThan(5);
    for (const s of sections) expect(s.querySelector('[part~="not-covered"]'), s.getAttribute('part')!).to.exist;
    expect(root(el).querySelector('[part~="completeness"], [part~="deadline-banner"], input, textarea, select, button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows the party's note in the editor's language, with the view's own strings once loaded", async () => {
    const el = await asParty(adult(), 'af');
    expect($(el, '[part~="party-note"]').textContent).to.contain('Du ser planen så som den här verksamheten får se den.');
    el.locale = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('.lazy-loading, .lazy-failed')).to.equal(null);
    expect($(el, '[part~="party-note"]').textContent).to.contain('You see the plan as this organisation may see it.');
    expect($(el, '#h-needs').textContent).to.equal('Needs');
    el.locale = 'nn';
    await el.updateComplete;
    expect($(el, '[part~="party-note"]').textContent).to.contain('Du ser planen slik denne verksemda får sjå han.');
  });

  it('setting party on an editor in use drops what was typed and announced, and refuses keyboard undo', async () => {
    const plan = adult();
    const el = await fixture<SipPlanEditor>(html`<sip-plan-editor today=${TODAY} .repository=${memoryRepo()} .plan=${plan}></sip-plan-editor>`);
    await el.updateComplete;
    const need = plan.needs[0]!;
    el.store!.updateNeed(need.id, { text: `${need.text} (ändrad)` });
    await el.updateComplete;
    el.party = 'fk';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 80));
    await el.updateComplete;
    expect(everything(el)).not.to.contain(need.text);
    const version = el.plan!;
    root(el).querySelector('div')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.plan).to.equal(version);
    el.party = undefined;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, `#need-${need.id}-text`).value).to.equal(`${need.text} (ändrad)`);
  });
});

describe("<sip-plan-editor>'s catalogues", () => {
  it('every locale has exactly the Swedish keys, none empty, with the same placeholders; the views keep their strings out of the editor catalogue', async () => {
    const [{ personViewMessages }, { partyViewMessages }] = await Promise.all([import('./person-view.js'), import('./party-view.js')]);
    await expectCatalogues(['editorMessages', editorMessages], { personViewMessages, partyViewMessages });
  });
});
