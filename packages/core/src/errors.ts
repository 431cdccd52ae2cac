/**
 * One problem found while validating input: where it is, a stable kebab-case
 * `code` to translate with `formatIssues`, and a developer-facing English message.
 */
export interface SipIssue {
  /** Where in the input the problem is, as object keys and array indexes. */
  path: (string | number)[];
  /** Stable kebab-case code, e.g. `date-invalid`; user text is looked up by it. */
  code: string;
  /** English text for developers and logs; people see `formatIssues(issues, locale)`. */
  message: string;
  /** Values that a translated message may interpolate (e.g. `{ max: 200 }`). */
  params?: Record<string, string | number>;
}

/**
 * Thrown by every public entry of sip-kit when input is not acceptable.
 * It is the only error that validation lets escape: never a `TypeError`.
 * `name` is always `'SipValidationError'`, so it can be recognised across
 * bundles (two copies of the SDK on one page) without `instanceof`.
 */
export class SipValidationError extends Error {
  /** What was wrong, one entry per problem. */
  readonly issues: SipIssue[];

  constructor(issues: SipIssue[], message?: string) {
    super(message ?? summarise(issues));
    this.name = 'SipValidationError';
    this.issues = issues;
  }

  /** True for any `SipValidationError`, including one from another copy of the SDK. */
  static is(value: unknown): value is SipValidationError {
    return value instanceof Error && value.name === 'SipValidationError' && Array.isArray((value as SipValidationError).issues);
  }
}

function summarise(issues: SipIssue[]): string {
  const first = issues[0];
  if (!first) return 'Invalid input';
  const where = first.path.length ? ` at ${first.path.join('.')}` : '';
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return `${first.message}${where}${more}`;
}
