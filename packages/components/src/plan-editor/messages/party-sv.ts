/**
 * Swedish strings of the view of what one party may see (`party` set) in `<sip-plan-editor>`
 * (the default and fallback). They load with the view, not with the editor.
 * Plain language: a 12-year-old must understand.
 */
const sv = {
  'party.note': 'Du ser planen så som den här verksamheten får se den. Här går det inte att ändra något.',
  'party.itemsWithheld': 'Några saker i planen visas inte. Personen har inte sagt ja till att de delas med dig.',
  'party.unresolved': 'Personen har sagt att vissa saker inte får delas med dig. Fråga den som samordnar planen innan du använder något härifrån.',
} as const;

export default sv;

/** Every key of the party view's catalogue. */
export type PartyViewKey = keyof typeof sv;
