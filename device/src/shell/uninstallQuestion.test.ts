import { describe, expect, it } from 'vitest';
import { uninstallQuestion } from './uninstallQuestion';

describe('uninstallQuestion', () => {
  it('says how many contacts go, exactly', () => {
    expect(uninstallQuestion('vCard file', 12_400)).toBe(
      'Uninstall vCard file? This deletes its 12,400 contacts from the phone; people that other providers also have stay, with what those have.',
    );
    expect(uninstallQuestion('vCard file', 1)).toContain('deletes its 1 contact from');
  });

  it('does not invent a number it has not read', () => {
    expect(uninstallQuestion('Phone contacts', undefined)).toContain('deletes its contacts from');
  });
});
