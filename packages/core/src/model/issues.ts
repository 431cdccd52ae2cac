/**
 * Turns zod issues into sip-kit's stable issue codes. The codes are part of the
 * public contract; user text for each lives in the i18n catalogues under
 * `issue.<code>`.
 *
 * | code | when |
 * |---|---|
 * | `required` | a required field is missing, or a required text is empty |
 * | `wrong-type` | the value has the wrong type (`params.expected`), including `NaN` and non-plain objects |
 * | `too-long` / `too-short` | a string is longer than `params.max` / shorter than `params.min` |
 * | `too-many` / `too-few` | an array has more than `params.max` / fewer than `params.min` items |
 * | `too-big` / `too-small` | a number is above `params.max` / below `params.min` |
 * | `date-invalid` | not a real calendar day as `YYYY-MM-DD` |
 * | `instant-invalid` | not a date-time with seconds and an offset |
 * | `id-invalid` | not 1–64 of `A-Z a-z 0-9 . -` |
 * | `url-not-allowed` | a link that is not an absolute `https:` URL |
 * | `invalid-value` | not one of the allowed values (`params.allowed`) |
 * | `unknown-key` | a key the format does not have (`params.key`) |
 * | `forbidden-key` | `__proto__`, `constructor` or `prototype` (`params.key`) |
 * | `reference-unknown` | an id reference that points nowhere (`params.id`) |
 * | `duplicate-id` | an id used twice in one list (`params.id`) |
 * | `duplicate` | two entries for the same participant or goal where one is allowed (`params.id`) |
 * | `date-order` | an end before its start |
 * | `type-mismatch` | the plan type does not belong to the jurisdiction |
 * | `too-deep` / `too-large` / `cycle` / `unreadable` | input that is not plain data: nested deeper than `params.max`, too big, cyclic, or throwing when read |
 * | `transition-not-allowed`, `command-unknown`, `not-found`, `nothing-to-undo`, `nothing-to-redo` | refused store commands |
 * | `invitation-locked` | an invitation withdrawn after its meeting was held or cancelled, or after attendance was recorded (`params.status`) |
 */
import type { SipIssue } from '../errors.js';

/** The issue codes, in order (the type of {@link ISSUE_CODES}). */
type IssueCodeList = readonly [
  'required',
  'wrong-type',
  'too-long',
  'too-short',
  'too-many',
  'too-few',
  'too-big',
  'too-small',
  'date-invalid',
  'instant-invalid',
  'id-invalid',
  'url-not-allowed',
  'invalid-value',
  'unknown-key',
  'forbidden-key',
  'reference-unknown',
  'duplicate-id',
  'duplicate',
  'date-order',
  'type-mismatch',
  'too-deep',
  'too-large',
  'cycle',
  'unreadable',
  'transition-not-allowed',
  'command-unknown',
  'not-found',
  'nothing-to-undo',
  'nothing-to-redo',
  'invitation-locked',
];
/** One of {@link ISSUE_CODES}. */
export type IssueCode = IssueCodeList[number];

const MESSAGES: Record<IssueCode, string> = {
  required: 'Required',
  'wrong-type': 'Wrong type, expected {expected}',
  'too-long': 'Too long: at most {max} characters',
  'too-short': 'Too short: at least {min} characters',
  'too-many': 'Too many: at most {max} items',
  'too-few': 'Too few: at least {min} items',
  'too-big': 'Too big: at most {max}',
  'too-small': 'Too small: at least {min}',
  'date-invalid': 'Not a real calendar date as YYYY-MM-DD',
  'instant-invalid': 'Not a date and time with seconds and offset, e.g. 2026-03-02T09:30:00+01:00',
  'id-invalid': 'Not a valid id (1-64 of A-Z a-z 0-9 . -)',
  'url-not-allowed': 'Link must be an https: address',
  'invalid-value': 'Not an allowed value',
  'unknown-key': 'Unknown key "{key}"',
  'forbidden-key': 'Forbidden key "{key}"',
  'reference-unknown': 'Refers to "{id}", which is not in the plan',
  'duplicate-id': 'Id "{id}" is used more than once',
  duplicate: '"{id}" appears more than once',
  'date-order': 'Ends before it starts',
  'type-mismatch': 'Plan type {type} does not belong to jurisdiction {jurisdiction}',
  'too-deep': 'Nested deeper than {max} levels',
  'too-large': 'Input is too large',
  cycle: 'Input refers to itself',
  unreadable: 'Value could not be read',
  'transition-not-allowed': 'Cannot go from {from} to {to}',
  'command-unknown': 'Unknown command "{type}"',
  'not-found': '"{id}" was not found',
  'nothing-to-undo': 'Nothing to undo',
  'nothing-to-redo': 'Nothing to redo',
  'invitation-locked': 'The meeting is {status}: its invitations are kept as a record',
};

/** Every issue code the model and store produce: the keys of the English messages, in order. */
export const ISSUE_CODES = Object.keys(MESSAGES) as unknown as IssueCodeList;

/** Builds a {@link SipIssue} with its English developer message. */
export function issue(path: (string | number)[], code: IssueCode, params?: Record<string, string | number>): SipIssue {
  let message = MESSAGES[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ''));
  if (code === 'invalid-value' && params?.['allowed']) message += ` (allowed: ${params['allowed']})`;
  return params ? { path, code, message, params } : { path, code, message };
}

/** The subset of a zod issue the mapper reads. */
interface RawIssue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  values?: unknown[];
  options?: unknown[];
  keys?: string[];
  params?: Record<string, unknown>;
}

function hasOwn(value: unknown, key: PropertyKey): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key);
}

/** True when the value at `path` in `root` is missing (its parent object lacks the key). */
function isMissing(root: unknown, path: PropertyKey[]): boolean {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as PropertyKey;
    if (!hasOwn(node, key)) return i === path.length - 1;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return false;
}

const listOf = (values: unknown[] | undefined): string => (values ?? []).map((v) => String(v)).join(', ');

/** Maps zod issues for `input` to sip-kit issues, one or more per zod issue. */
export function mapZodIssues(raw: readonly RawIssue[], input: unknown): SipIssue[] {
  const out: SipIssue[] = [];
  for (const r of raw) {
    const path = r.path.filter((p): p is string | number => typeof p !== 'symbol');
    switch (r.code) {
      case 'invalid_type':
        out.push(isMissing(input, r.path) ? issue(path, 'required') : issue(path, 'wrong-type', { expected: String(r.expected ?? 'other') }));
        break;
      case 'too_big': {
        const max = Number(r.maximum);
        out.push(issue(path, r.origin === 'string' ? 'too-long' : r.origin === 'array' ? 'too-many' : 'too-big', { max }));
        break;
      }
      case 'too_small': {
        const min = Number(r.minimum);
        if (r.origin === 'string' && min === 1) out.push(issue(path, 'required'));
        else out.push(issue(path, r.origin === 'string' ? 'too-short' : r.origin === 'array' ? 'too-few' : 'too-small', { min }));
        break;
      }
      case 'invalid_value':
        out.push(issue(path, 'invalid-value', { allowed: listOf(r.values) }));
        break;
      case 'invalid_union':
        out.push(issue(path, 'invalid-value', { allowed: listOf(r.options) }));
        break;
      case 'unrecognized_keys':
        for (const key of r.keys ?? []) out.push(issue([...path, key], 'unknown-key', { key }));
        break;
      case 'custom': {
        const code = r.params?.['sipCode'];
        out.push(issue(path, typeof code === 'string' && (ISSUE_CODES as readonly string[]).includes(code) ? (code as IssueCode) : 'invalid-value'));
        break;
      }
      default:
        out.push(issue(path, 'invalid-value'));
    }
  }
  return out;
}
