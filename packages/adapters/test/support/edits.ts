/**
 * Generated edit sequences for the "no lost edits" properties: each edit is a
 * small, recognisable change (a goal or need with a fresh id, a new title, a
 * removed goal), so a lost or duplicated save shows up in the final plan.
 */
import fc from 'fast-check';
import { NetworkError, SipValidationError, createPlan, parsePlan, type Plan, type PlanRepository } from '@sip-kit/core';
import { planArbitrary } from './plan-arbitrary.js';

/** One edit a user makes. */
export type Edit =
  | { kind: 'add-goal'; text: string }
  | { kind: 'add-need'; text: string }
  | { kind: 'set-title'; text: string }
  | { kind: 'remove-last-goal' }
  | { kind: 'rename-person'; text: string };

const words = fc.string({ minLength: 1, maxLength: 16 });

/** One generated edit. */
export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  words.map((text) => ({ kind: 'add-goal' as const, text })),
  words.map((text) => ({ kind: 'add-need' as const, text })),
  fc.string({ maxLength: 16 }).map((text) => ({ kind: 'set-title' as const, text })),
  fc.constant({ kind: 'remove-last-goal' as const }),
  words.map((text) => ({ kind: 'rename-person' as const, text })),
);

let serial = 0;

/** Applies `edit`, giving new items ids that never repeat within the test process. */
export function applyEdit(plan: Plan, edit: Edit): Plan {
  serial += 1;
  switch (edit.kind) {
    case 'add-goal':
      return parsePlan({
        ...plan,
        goals: [...plan.goals, { id: `e-goal-${serial}`, text: edit.text, horizon: 'short-term', expressedBy: 'person', needs: [], status: 'active' }],
      });
    case 'add-need':
      return parsePlan({ ...plan, needs: [...plan.needs, { id: `e-need-${serial}`, text: edit.text }] });
    case 'set-title':
      return parsePlan({ ...plan, title: edit.text });
    case 'remove-last-goal': {
      // Only goals the sequence added, so no reference inside the plan is broken.
      const last = plan.goals.findLastIndex((g) => g.id.startsWith('e-goal-'));
      return last < 0 ? parsePlan({ ...plan, title: `${plan.title ?? ''}.` }) : parsePlan({ ...plan, goals: plan.goals.filter((_, i) => i !== last) });
    }
    case 'rename-person':
      return parsePlan({ ...plan, person: { ...plan.person, name: edit.text } });
  }
}

let planSerial = 0;

/** A small plan: most sequences start from one so the fuzz stays fast. */
export function smallPlan(): Plan {
  planSerial += 1;
  return createPlan({
    id: `fuzz-${planSerial}-${Math.random().toString(36).slice(2, 8)}`,
    type: 'se-sip',
    person: { name: 'Anna Andersson', identifiers: [{ system: 'urn:oid:1.2.752.129.2.1.3.1', value: '19800101-1234' }] },
    needIdentifiedOn: '2026-03-02',
  });
}

/** A base plan for a sequence: usually small, sometimes a fully generated one (given a fresh id). */
export const basePlanArbitrary: fc.Arbitrary<() => Plan> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(smallPlan) },
  {
    weight: 1,
    arbitrary: planArbitrary().map((p) => () => {
      planSerial += 1;
      return { ...p, id: `gen-${planSerial}-${Math.random().toString(36).slice(2, 8)}`, version: 0 };
    }),
  },
);

/** Strips the version for comparing content. */
export function content(plan: Plan): Omit<Plan, 'version'> {
  const { version: _v, ...rest } = plan;
  return rest;
}

/**
 * What an autosave does under a flaky network: keep sending the same edit
 * against the same base version until the repository takes it. Only the
 * retryable failures a fault can cause (`NetworkError`, an unreadable answer)
 * are retried; anything else — a conflict above all — fails the test.
 */
export async function saveUntilAccepted(repository: PlanRepository, plan: Plan, expectedVersion: number, maxAttempts: number): Promise<Plan> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      return await repository.save(plan, { expectedVersion });
    } catch (error) {
      if (!NetworkError.is(error) && !SipValidationError.is(error)) throw error;
    }
  }
  throw new Error(`the save never got through in ${maxAttempts} attempts`);
}
