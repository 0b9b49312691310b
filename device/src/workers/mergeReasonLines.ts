/**
 * Why two contacts look like one person, for people: one line per reason, numbers formatted as the
 * phone shows them, names not repeated as keys. "Same phone number (+61 7 5550 2205)", "Same name".
 */
export function mergeReasonLines(keys: readonly string[], showNumber: (number: string) => string): string[] {
  const lines: string[] = [];
  const add = (line: string) => {
    if (!lines.includes(line)) lines.push(line);
  };
  for (const key of keys) {
    const at = key.indexOf(':');
    const kind = at < 0 ? key : key.slice(0, at);
    const value = at < 0 ? '' : key.slice(at + 1);
    switch (kind) {
      case 'name':
        add('Same name');
        break;
      case 'name~':
        add('Similar name');
        break;
      case 'phone':
        add(`Same phone number (${showNumber(value)})`);
        break;
      case 'email':
        add(`Same email (${value.replace(/^[er]:/, '')})`);
        break;
      case 'org':
        add(`Same employer (${value})`);
        break;
      case 'company':
        add(`Same company (${value})`);
        break;
      default:
        add(value === '' ? kind : `${kind} (${value})`);
    }
  }
  // Names read first, as a person would say it: "same name and same number".
  return lines.sort((a, b) => Number(!a.includes('name')) - Number(!b.includes('name')));
}
