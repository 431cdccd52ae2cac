/**
 * What a "someone saved first" answer really means. Shared by the remote
 * adapters so all of them treat a retried save the same way.
 */
import { ConflictError, NetworkError, samePlanContent, type Plan } from '@sip-kit/core';

/**
 * Decides what a version mismatch on save means, given the plan stored now:
 * - it holds exactly our content at `expectedVersion + 1`: our own earlier
 *   attempt got through but its answer was lost, so the save succeeded
 *   (returns the stored plan; nothing is saved twice);
 * - it is still at `expectedVersion`: nobody saved in between, so the
 *   "conflict" answer was bogus (a proxy, a fault) and the save may be retried
 *   (`NetworkError`);
 * - otherwise someone else saved: `ConflictError` with both plans.
 */
export function settleMismatch(current: Plan, ours: Plan, expectedVersion: number): Plan {
  if (current.version === expectedVersion + 1 && samePlanContent(current, ours)) return current;
  if (current.version === expectedVersion) {
    throw new NetworkError(`The server reported a conflict but plan ${ours.id} is still at version ${expectedVersion}`);
  }
  throw new ConflictError(current, ours, expectedVersion);
}
