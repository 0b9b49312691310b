import { it } from 'vitest';
import { PipelineUnderTest } from './pipelineUnderTest';

const mb = () => Math.round(process.memoryUsage().heapUsed / 1e6);
it('debug', async () => {
  const n = Number(process.env.N ?? 2000);
  const consumers =
    process.env.C === 'none'
      ? []
      : process.env.C === 'dialer'
        ? [{ name: 'dialer', kind: 'dialer' as const, level: 'privileged' as const }]
        : [{ name: 'contacts', kind: 'contacts' as const, level: 'certified' as const }];
  const world = await PipelineUnderTest.start({ providers: ['vcard'], consumers });
  const numbers = Array.from({ length: n }, (_, i) => `+1 212 555 ${String(i).padStart(4, '0')}`);
  let t = Date.now();
  const report = await world.importVcardText(
    `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:many-vcard\r\nFN:Many Cards\r\nORG:org-many-vcard\r\n${numbers.map((x) => `TEL:${x}`).join('\r\n')}\r\n${process.env.E ? numbers.map((_, i) => `EMAIL:m${i}@example.org`).join('\r\n') + '\r\n' : ''}END:VCARD\r\n`,
  );
  console.log('import', Date.now() - t, 'ms', mb(), 'MB', report.errors);
  t = Date.now();
  await world.gcdsIdle();
  console.log('gcds', Date.now() - t, 'ms', mb(), 'MB');
  t = Date.now();
  await world.settle();
  console.log('settle', Date.now() - t, 'ms', mb(), 'MB');
  await world.close();
}, 600_000);
