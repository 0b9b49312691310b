import { describe, expect, it } from 'vitest';
import { WorkspaceListError, withWorkspace } from './workspaceList';

const root = `${JSON.stringify(
  {
    name: 'repo',
    workspaces: ['shared', 'providers/local', 'providers/vcard', 'consumers/contacts'],
    scripts: { test: 'vitest' },
  },
  null,
  2,
)}\n`;

describe('withWorkspace', () => {
  it('adds the folder after its siblings and keeps every other field and the formatting', () => {
    const updated = withWorkspace(root, 'providers/my-crm');
    expect(JSON.parse(updated)).toEqual({
      name: 'repo',
      workspaces: ['shared', 'providers/local', 'providers/vcard', 'providers/my-crm', 'consumers/contacts'],
      scripts: { test: 'vitest' },
    });
    expect(updated).toBe(root.replace('"providers/vcard",', '"providers/vcard",\n    "providers/my-crm",'));
  });

  it('appends when no sibling is listed yet', () => {
    const updated = withWorkspace(`{"workspaces":["shared"]}`, 'providers/first');
    expect(JSON.parse(updated).workspaces).toEqual(['shared', 'providers/first']);
    expect(updated.endsWith('}\n')).toBe(true);
  });

  it('refuses a folder that is already listed, bad JSON and a missing workspace list', () => {
    expect(() => withWorkspace(root, 'providers/local')).toThrow(
      /already in the root package.json workspaces/,
    );
    expect(() => withWorkspace('{"workspaces": [', 'providers/x')).toThrow(/not valid JSON/);
    expect(() => withWorkspace('[]', 'providers/x')).toThrow(/not a JSON object/);
    expect(() => withWorkspace('{"name":"x"}', 'providers/x')).toThrow(WorkspaceListError);
    expect(() => withWorkspace('{"workspaces":{"packages":[]}}', 'providers/x')).toThrow(
      /no "workspaces" list/,
    );
  });
});
