/**
 * Swedish strings of the person's "my plan" view (`mode="person"`) in `<sip-plan-editor>`
 * (the default and fallback). They load with the view, not with the editor.
 * Plain language: a 12-year-old must understand.
 */
const sv = {
  'personTitle': 'Min plan',
  'p.whatMatters': 'Det här är viktigt för mig',
  'p.ownContribution': 'Det här gör jag själv',
  'p.relativesContribution': 'Det här gör mina närstående',
  'p.goals': 'Det här vill jag klara',
  'p.help': 'Den här hjälpen får jag',
  'p.helpLine': '{who} hjälper mig: {what}',
  'p.when': 'När: {when}',
  'p.how': 'Så här: {how}',
  'p.cooperation': 'De här samarbetar också',
  'p.coordinator': 'Den här personen håller ihop min plan',
  'p.nextFollowUp': 'Nästa gång vi ser hur det går',
  'p.followUpLine': '{date}, med {who}',
  'p.childView': 'Det här tycker jag',
  'p.nothing': 'Inget skrivet än.',
  'p.pending': 'Något i planen är ändrat. Du får säga om det är okej.',
} as const;

export default sv;

/** Every key of the person view's catalogue. */
export type PersonViewKey = keyof typeof sv;
