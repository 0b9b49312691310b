import { describe, expect, it } from 'vitest';
import { isTestCode, layerOfPackage, mayImport, type Unit, unitOfLoosePath } from './layerRules';

const pkg = (name: string): Unit => ({ name, layer: layerOfPackage(name)! });

describe('layer rules', () => {
  it('lets each layer import downward only', () => {
    expect(mayImport(pkg('@gcds/gcds'), pkg('@gcds/shared'))).toBe(true);
    expect(mayImport(pkg('@gcds/shared'), pkg('@gcds/gcds'))).toBe(false);
    expect(mayImport(pkg('@gcds/gcds'), pkg('@gcds/provider-vcard'))).toBe(false);
    expect(mayImport(pkg('@gcds/consumer-dialer'), pkg('@gcds/gcds'))).toBe(false);
    expect(mayImport(pkg('@gcds/cli'), pkg('@gcds/consumer-dialer'))).toBe(true);
    expect(mayImport(pkg('@gcds/provider-facebook-sim'), pkg('@gcds/demo-data'))).toBe(true);
  });

  it('refuses sideways imports between packages of one layer unless one is built on the other', () => {
    expect(mayImport(pkg('@gcds/consumer-dialer'), pkg('@gcds/consumer-messaging'))).toBe(false);
    expect(mayImport(pkg('@gcds/provider-local'), pkg('@gcds/provider-vcard'))).toBe(false);
    expect(mayImport(pkg('@gcds/provider-carddav'), pkg('@gcds/provider-vcard'))).toBe(true);
  });

  it('places the phone’s apps below its shell, and the tools above everything', () => {
    const app = unitOfLoosePath('device/src/apps/contacts/main.ts');
    const shell = unitOfLoosePath('device/src/shell/main.ts');
    expect(app.layer).toBe('apps');
    expect(mayImport(app, shell)).toBe(false);
    expect(mayImport(app, pkg('@gcds/consumer-contacts'))).toBe(true);
    expect(mayImport(app, pkg('@gcds/gcds'))).toBe(false);
    expect(mayImport(shell, pkg('@gcds/gcds'))).toBe(true);
    expect(mayImport(unitOfLoosePath('bench/run.ts'), shell)).toBe(true);
  });

  it('knows test code by its name or folder', () => {
    expect(isTestCode('gcds/src/personGraph.test.ts')).toBe(true);
    expect(isTestCode('gcds/src/testing/pipelineHarness.ts')).toBe(true);
    expect(isTestCode('consumers/dialer/test/dialerFlows.test.ts')).toBe(true);
    expect(isTestCode('gcds/src/personGraph.ts')).toBe(false);
  });
});
