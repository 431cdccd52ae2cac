/**
 * Freezes `value` and everything in it, children first, so a frozen object
 * always has frozen contents and an already frozen part (shared by an earlier
 * plan or pack) is not walked again.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
