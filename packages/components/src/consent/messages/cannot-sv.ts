/**
 * Swedish strings of `<sip-consent>`'s cannot-consent path (`parts/cannot-consent.ts`).
 * They travel with the part, which loads on demand, so the element's first
 * render does not download them. Every key must exist in nb, nn and en (the
 * type enforces it).
 */
const sv = {
  'cannot.heading': 'När personen inte kan samtycka',
  'cannot.help': 'Tala med närstående för att ta reda på vad personen själv skulle vilja. En god man eller förvaltare kan hjälpa till.',
  'cannot.reason': 'Varför personen inte kan samtycka',
  'cannot.consulted': 'Närstående som tillfrågats',
  'cannot.name': 'Namn',
  'cannot.relation': 'Relation till personen',
  'cannot.add': 'Lägg till närstående',
  'cannot.person': 'Närstående {n}',
  'cannot.account': 'Deras bild av vad personen vill',
} as const;

export default sv;

/** Every key of `<sip-consent>`'s cannot-consent path. */
export type CannotKey = keyof typeof sv;
