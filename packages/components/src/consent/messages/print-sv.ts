/**
 * Swedish strings of `<sip-consent>`'s form for signing (`parts/print-form.ts`).
 * They travel with the part, which loads on demand, so the element's first
 * render does not download them. Every key must exist in nb, nn and en (the
 * type enforces it).
 */
const sv = {
  'print.title': 'Samtycke till {planType}',
  'print.person': 'Personen',
  'print.name': 'Namn',
  'print.born': 'Född',
  'print.intro': 'Jag samtycker till att en plan görs tillsammans med mig och att de verksamheter jag kryssat i får dela uppgifter med varandra för planen. Samtycket gäller bara den här planen.',
  'print.parties': 'Verksamheter som får se planen och dela med varandra',
  'print.yes': 'Ja',
  'print.no': 'Nej',
  'print.checked': 'ikryssad',
  'print.unchecked': 'inte ikryssad',
  'print.excluded': 'Detta får inte delas',
  'print.excludedFor': 'gäller: {parties}',
  'print.allParties': 'alla',
  'print.noExclusions': 'Inga undantag.',
  'print.validUntil': 'Samtycket gäller till och med',
  'print.untilWithdrawn': 'tills jag tar tillbaka det',
  'print.withdrawInfo': 'Du kan när som helst ta tillbaka samtycket, helt eller för en enskild verksamhet. Säg till den som samordnar planen.',
  'print.child': 'Barnets egen syn',
  'print.cannot': 'Personen kan inte själv samtycka. Närstående har tillfrågats:',
  'print.signatures': 'Underskrifter',
  'print.signature': 'Underskrift',
  'print.nameClarification': 'Namnförtydligande',
  'print.date': 'Datum',
  'print.signPerson': 'Personen',
  'print.signGuardian': 'Vårdnadshavare: {name}',
  'print.signRepresentative': 'Företrädare',
  'print.signRecorder': 'Den som tog emot samtycket',
  'planType.se-sip': 'samordnad individuell plan (SIP)',
  'planType.se-sip-child': 'samordnad individuell plan (SIP)',
  'planType.se-sip-discharge': 'samordnad individuell plan vid utskrivning (SIP)',
  'planType.se-lss-ip': 'individuell plan enligt LSS',
  'planType.no-ip': 'individuell plan (IP)',
  'planType.pcsp': 'personcentrerad plan',
} as const;

export default sv;

/** Every key of `<sip-consent>`'s form for signing. */
export type PrintKey = keyof typeof sv;
