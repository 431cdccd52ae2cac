/**
 * Swedish UI strings shared by every sip-kit element (buttons of the list
 * editor, save status, consent notice, deadlines). Written so a 12-year-old
 * understands. Every key must exist in nb, nn and en (the type enforces it).
 */
const sv = {
  'list.moveUp': 'Flytta upp',
  'list.moveDown': 'Flytta ner',
  'list.remove': 'Ta bort',
  'list.add': 'Lägg till',
  'list.empty': 'Inget än.',
  'part.loading': 'Laddar …',
  'part.failed': 'Den här delen gick inte att hämta. Kolla att du är uppkopplad och försök igen.',
  'part.retry': 'Försök igen',
  'list.moved': '{item} flyttades till plats {position} av {count}.',
  'list.removed': '{item} togs bort.',
  'list.added': '{item} lades till.',
  'field.required': 'måste fyllas i',
  'field.optional': 'frivilligt',
  'consent.notCovered': 'Den här delen visas inte. Personen har inte sagt ja till att den delas med dig.',
  'save.saving': 'Sparar …',
  'save.saved': 'Sparat',
  'save.unsaved': 'Inte sparat än',
  'save.retry': 'Försök spara igen',
  'save.error.network': 'Det gick inte att spara, för att kontakten med servern bröts. Allt du skrivit finns kvar här.',
  'save.error.conflict': 'Det gick inte att spara, för att någon annan har ändrat planen samtidigt. Allt du skrivit finns kvar här.',
  'save.error.not-found': 'Det gick inte att spara, för att planen inte finns kvar där den sparas. Allt du skrivit finns kvar här.',
  'save.error.invalid': 'Det gick inte att spara, för att något i planen inte stämmer. Allt du skrivit finns kvar här.',
  'save.error.other': 'Det gick inte att spara. Allt du skrivit finns kvar här.',
  'deadline.first-contact': 'Första kontakt',
  'deadline.meeting': 'SIP-möte',
  'deadline.invitation': 'Kallelse',
  'deadline.follow-up': 'Uppföljning',
  'deadline.review': 'Omprövning av planen',
  'deadline.other': 'Tidsgräns',
  'deadline.upcoming': '{what}: om {days} arbetsdagar ({date})',
  'deadline.upcoming-one': '{what}: om 1 arbetsdag ({date})',
  'deadline.due-today': '{what}: i dag',
  'deadline.overdue': '{what}: försenad sedan {date}',
  'deadline.met': '{what}: klart {date}',
  'deadline.met-late': '{what}: klart för sent, {date}',
  'approval.needed': 'Personen behöver godkänna den här ändringen',
  'undo.done': 'Ångrat.',
  'redo.done': 'Gjort om.',
} as const;

export default sv;

/** Every shared UI key. */
export type SharedKey = keyof typeof sv;
