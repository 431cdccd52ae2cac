/**
 * Swedish — the reference catalogue. Every key here must exist in every other
 * locale (the `Messages` type and a test enforce it). To add a message, add one
 * line here and one line in `nb.ts`, `nn.ts` and `en.ts`.
 *
 * Keys: `issue.<code>` for validation and rule codes (used by `formatIssues`),
 * `planStatus.<status>`, `planType.<type>`. Placeholders are `{name}` and are
 * filled from the issue's `params`. Write so a 12-year-old understands.
 */
export const sv = {
  'issue.required': 'Det här behöver fyllas i.',
  'issue.wrong-type': 'Det här har fel form.',
  'issue.too-long': 'Texten är för lång. Den får vara högst {max} tecken.',
  'issue.too-short': 'Texten är för kort. Den behöver vara minst {min} tecken.',
  'issue.too-many': 'Det är för många. Det får vara högst {max}.',
  'issue.too-few': 'Det är för få. Det behöver vara minst {min}.',
  'issue.too-big': 'Talet är för stort. Det får vara högst {max}.',
  'issue.too-small': 'Talet är för litet. Det behöver vara minst {min}.',
  'issue.date-invalid': 'Datumet finns inte. Skriv det som år-månad-dag, till exempel 2026-03-31.',
  'issue.instant-invalid': 'Tiden är inte rätt skriven. Den behöver datum, klockslag och tidszon.',
  'issue.id-invalid': 'Id:t är inte rätt skrivet. Använd bara bokstäverna a–z, siffror, punkt och bindestreck.',
  'issue.url-not-allowed': 'Länken måste börja med https://.',
  'issue.invalid-value': 'Det här värdet går inte att välja.',
  'issue.unknown-key': 'En plan har inget fält som heter "{key}".',
  'issue.forbidden-key': 'Fältet "{key}" är inte tillåtet.',
  'issue.reference-unknown': 'Det här pekar på något som inte finns i planen.',
  'issue.duplicate-id': 'Samma id används två gånger.',
  'issue.duplicate': 'Det här finns redan med en gång.',
  'issue.date-order': 'Slutdatumet kommer före startdatumet.',
  'issue.type-mismatch': 'Plantypen passar inte landet.',
  'issue.too-deep': 'Uppgifterna ligger för djupt i varandra för att vara en plan.',
  'issue.too-large': 'Uppgifterna är för stora för att vara en plan.',
  'issue.cycle': 'Uppgifterna pekar på sig själva i en ring.',
  'issue.unreadable': 'Det gick inte att läsa uppgifterna.',
  'issue.transition-not-allowed': 'Planen kan inte gå till det steget härifrån.',
  'issue.command-unknown': 'Den ändringen känner vi inte till.',
  'issue.not-found': 'Det gick inte att hitta det du ville ändra.',
  'issue.nothing-to-undo': 'Det finns inget att ångra.',
  'issue.nothing-to-redo': 'Det finns inget att göra om.',
  'planStatus.initiated': 'Påbörjad',
  'planStatus.meeting-scheduled': 'Möte inbokat',
  'planStatus.established': 'Upprättad',
  'planStatus.active': 'Pågår',
  'planStatus.closed': 'Avslutad',
  'planType.se-sip': 'SIP',
  'planType.se-sip-child': 'SIP för barn och unga',
  'planType.se-sip-discharge': 'SIP vid utskrivning från sjukhus',
  'planType.se-lss-ip': 'Individuell plan enligt LSS',
  'planType.no-ip': 'Individuell plan (Norge)',
  'planType.pcsp': 'Personcentrerad plan',
} as const satisfies Record<string, string>;

/** Every message key. */
export type MessageKey = keyof typeof sv;
/** A complete catalogue: one string for every key in {@link sv}, no more. */
export type Messages = Readonly<Record<MessageKey, string>>;
