/**
 * Swedish strings of `<sip-consent>`'s withdrawal form (`parts/withdraw-form.ts`).
 * They travel with the part, which loads on demand, so the element's first
 * render does not download them. Every key must exist in nb, nn and en (the
 * type enforces it).
 */
const sv = {
  'withdraw.heading': 'Ta tillbaka samtycke från {giver}',
  'withdraw.what': 'Vad tas tillbaka?',
  'withdraw.whole': 'Hela samtycket',
  'withdraw.some': 'Bara för vissa verksamheter',
  'withdraw.parties': 'Vilka verksamheter?',
  'withdraw.on': 'Från och med',
  'withdraw.reason': 'Skäl, med personens ord om personen sa något',
  'withdraw.submit': 'Ta tillbaka',
  'withdraw.cancel': 'Avbryt',
  'withdraw.done': 'Återkallandet är registrerat. Det gamla samtycket finns kvar i historiken.',
  'withdraw.noParties': 'Välj minst en verksamhet.',
} as const;

export default sv;

/** Every key of `<sip-consent>`'s withdrawal form. */
export type WithdrawKey = keyof typeof sv;
