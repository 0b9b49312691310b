import { describe, expect, it } from 'vitest';
import { providerNames } from './providerName';
import { providerTemplate } from './providerTemplate';

const LINE_WIDTH = 110; // biome.json formatter.lineWidth

describe('providerTemplate', () => {
  it('lists the package files of the provider', () => {
    const files = providerTemplate(providerNames('my-crm'));
    expect([...files.keys()]).toEqual([
      'package.json',
      'src/contactSource.ts',
      'src/index.ts',
      'src/myCrmProvider.test.ts',
    ]);
  });

  it('writes a workspace package.json named @gcds/provider-<name> exporting its source', () => {
    const pkg = JSON.parse(providerTemplate(providerNames('my-crm')).get('package.json') ?? '');
    expect(pkg).toEqual({
      name: '@gcds/provider-my-crm',
      version: '0.1.0',
      private: true,
      type: 'module',
      exports: { '.': './src/index.ts' },
    });
  });

  it('defines the provider under its id with a privileged, read-only manifest', () => {
    const index = providerTemplate(providerNames('my-crm')).get('src/index.ts') ?? '';
    expect(index).toContain("export const MY_CRM_PROVIDER_ID = 'my-crm';");
    expect(index).toContain('export function createMyCrmProvider(source: ContactSource) {');
    expect(index).toContain('return defineProvider<MyCrmApi>({');
    expect(index).toContain("displayName: 'My Crm',");
    expect(index).toContain("accessLevel: 'privileged',");
    expect(index).toContain('writable: false,');
    // The cursor moves in the same bulk as the changes it covers.
    expect(index).toContain('{ meta: { [CURSOR_META_KEY]: page.cursor } }');
  });

  it('writes a test that installs the provider into a registry and reads its store', () => {
    const test = providerTemplate(providerNames('my-crm')).get('src/myCrmProvider.test.ts') ?? '';
    expect(test).toContain("import { createMyCrmProvider } from './index';");
    expect(test).toContain('registry.install(createMyCrmProvider(source))');
    expect(test).toContain("describe('my-crm provider'");
    expect(test).toContain("expect(reader.owner).toBe('my-crm');");
  });

  it('substitutes every name, leaving no placeholder behind', () => {
    for (const [path, content] of providerTemplate(providerNames('my-crm'))) {
      expect(content, path).not.toMatch(
        /[A-Za-z]undefined|undefined[A-Z_]|'undefined|\[object Object\]|\$\{names/,
      );
      expect(content.endsWith('\n'), path).toBe(true);
    }
  });

  it('stays within the formatter line width for the longest allowed name', () => {
    const longest = providerNames('abcdefghij-klmnopqrst-uvwxyz-abc');
    for (const [path, content] of providerTemplate(longest)) {
      const tooLong = content.split('\n').filter((line) => line.length > LINE_WIDTH);
      expect(tooLong, path).toEqual([]);
    }
  });

  it('differs between providers only where their names appear', () => {
    const a = providerTemplate(providerNames('alpha'));
    const b = providerTemplate(providerNames('beta'));
    expect(a.get('src/contactSource.ts')).toBe(b.get('src/contactSource.ts'));
    const rename = (text: string) =>
      text.replaceAll('alpha', 'beta').replaceAll('Alpha', 'Beta').replaceAll('ALPHA', 'BETA');
    expect(rename(a.get('src/index.ts') ?? '')).toBe(b.get('src/index.ts'));
  });
});
