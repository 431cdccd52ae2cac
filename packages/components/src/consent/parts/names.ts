/**
 * Names for ids: parties, participants and consent givers, in the words of a
 * given catalogue (the UI's, or the plan's for the printed form).
 * @module
 */
import type { ConsentGiver, Plan } from '@sip-kit/core';
import type { SharedKey } from '../../i18n/shared.js';
import type { ConsentKey } from '../messages/sv.js';

/** A translator for one locale. */
export type Translate = (key: ConsentKey, params?: Readonly<Record<string, string | number>>) => string;

/** The UI's translator: the element's strings and the shared ones ("required", "remove"). */
export type UiTranslate = (key: ConsentKey | SharedKey, params?: Readonly<Record<string, string | number>>) => string;

/** Looks up names in one plan. */
export class Names {
  private readonly parties: Map<string, string>;
  private readonly participants: Map<string, string>;

  constructor(private readonly plan: Plan) {
    this.parties = new Map(plan.parties.map((p) => [p.id, p.unit ? `${p.name}, ${p.unit}` : p.name]));
    this.participants = new Map(plan.participants.map((p) => [p.id, p.name]));
  }

  /** A party's name (its id when it is not in the plan, e.g. removed since). */
  party(id: string): string {
    return this.parties.get(id) ?? id;
  }

  /** Several parties' names, comma-separated. */
  partyList(ids: readonly string[]): string {
    return ids.map((id) => this.party(id)).join(', ');
  }

  /** A participant's name (the id when unknown). */
  participant(id: string | undefined): string {
    return id === undefined ? '' : (this.participants.get(id) ?? id);
  }

  /** Who gave or refused a consent, e.g. "Johanna Karlsson (vårdnadshavare)". */
  giver(g: ConsentGiver, t: Translate): string {
    if (g.kind === 'person') return this.plan.person.name;
    if (g.kind === 'guardian') return t('giver.guardian', { name: this.participant(g.participant) });
    const name = g.participant ? this.participant(g.participant) : g.name;
    return name ? t('giver.representative', { name }) : t('giver.representativeUnnamed');
  }
}
