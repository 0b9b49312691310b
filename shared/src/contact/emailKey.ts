/**
 * Email addresses: the key they are matched and indexed by, and what is wrong with one that cannot be
 * an address. The typed value is never rewritten; only the key is folded.
 */

/**
 * The match key: trimmed, without a `mailto:` scheme, NFC, lower-cased. The local part is in theory
 * case-sensitive, but no mail provider treats it so and people type it both ways (Gaia's email index
 * was case-sensitive while its matcher was not: duplicates). Provider-specific rules (Gmail ignoring
 * dots) are not applied: they would join different people's addresses at other providers.
 */
export function emailKey(value: string): string {
  return value
    .trim()
    .replace(/^mailto:/i, '')
    .normalize('NFC')
    .toLowerCase();
}

export type EmailProblemCode =
  | 'email-empty'
  | 'email-missing-at'
  | 'email-multiple-at'
  | 'email-missing-local-part'
  | 'email-missing-domain'
  | 'email-contains-space'
  | 'email-invalid-domain';

export interface EmailProblem {
  code: EmailProblemCode;
  message: string;
}

/**
 * What stops a value from being an email address, or undefined when it can be one. Deliberately
 * permissive (the shape `local@domain`, like the HTML email input): an address the user has is never
 * refused for using a rule the checker does not know. A `mailto:` scheme is allowed.
 */
export function emailProblem(value: string): EmailProblem | undefined {
  const address = value.trim().replace(/^mailto:/i, '');
  const shown = JSON.stringify(value);
  if (address === '') return { code: 'email-empty', message: 'An email address is required.' };
  const at = address.split('@').length - 1;
  if (at === 0) {
    return {
      code: 'email-missing-at',
      message: `${shown} has no @: an email address looks like name@example.com.`,
    };
  }
  if (at > 1) {
    return {
      code: 'email-multiple-at',
      message: `${shown} has more than one @: an email address has exactly one.`,
    };
  }
  if (/\s/u.test(address)) {
    return { code: 'email-contains-space', message: `${shown} contains a space: an email address has none.` };
  }
  const [local = '', domain = ''] = address.split('@');
  if (local === '') {
    return { code: 'email-missing-local-part', message: `${shown} has nothing before the @.` };
  }
  if (domain === '') {
    return {
      code: 'email-missing-domain',
      message: `${shown} has no domain after the @ (like example.com).`,
    };
  }
  const labels = domain.split('.');
  if (labels.some((label) => label === '' || label.startsWith('-') || label.endsWith('-'))) {
    return {
      code: 'email-invalid-domain',
      message: `${shown} has a malformed domain "${domain}": empty parts or parts starting or ending with "-".`,
    };
  }
  return undefined;
}
