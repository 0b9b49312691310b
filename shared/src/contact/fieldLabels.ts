/** What a field is called in a message to the person who typed it. */
const LABELS: Readonly<Record<string, string>> = {
  id: 'The id',
  prefix: 'The name prefix',
  given: 'The given name',
  additional: 'The middle name',
  family: 'The family name',
  suffix: 'The name suffix',
  formattedName: 'The full name',
  org: 'The organisation',
  department: 'The department',
  jobTitle: 'The job title',
  note: 'The note',
  uid: 'The UID',
  nickname: 'The nickname',
  category: 'The category',
  tel: 'The phone number',
  email: 'The email address',
  url: 'The web address',
  impp: 'The messaging address',
  extra: 'The extra property',
  type: 'The type',
  label: 'The label',
  carrier: 'The carrier',
  poBox: 'The PO box',
  extended: 'The extended address',
  street: 'The street',
  locality: 'The town or city',
  region: 'The region',
  postalCode: 'The postal code',
  countryName: 'The country',
  name: 'The property name',
  group: 'The property group',
  value: 'The value',
  bday: 'The birthday',
  anniversary: 'The anniversary',
  photo: 'The photo',
};

/** `tel[1].value` → "The phone number", `adr[0].street` → "The street". */
export function labelOf(path: string): string {
  const parts = path.split('.');
  const last = parts.at(-1) ?? '';
  const leaf = last.replace(/\[\d+\]$/, '');
  if (leaf === 'value' && parts.length > 1) return labelOf(parts.slice(0, -1).join('.'));
  return LABELS[leaf] ?? `The field ${path}`;
}
