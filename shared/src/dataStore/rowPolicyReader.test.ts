import { firstValueFrom, map, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { rowPolicyReader } from './rowPolicyReader';
import type { ChangeEvent, DataStoreReader } from './types';
import { attachWrittenRecords } from './writtenRecords';

interface Row {
  level: 'web' | 'certified';
}

/** A store of three rows, one of them above a web reader, whose reads are counted. */
function store() {
  const rows = new Map<string, Row>([
    ['a', { level: 'web' }],
    ['b', { level: 'certified' }],
  ]);
  const events = new Subject<ChangeEvent>();
  const reads: string[][] = [];
  const base = {
    changes$: events.asObservable(),
    revisions$: events.pipe(map((event) => event.revision)),
    getMany: async (ids: readonly string[]) => {
      reads.push([...ids]);
      return ids.map((id) => rows.get(id));
    },
  } as unknown as DataStoreReader<Row>;
  const reader = rowPolicyReader<Row>(
    base,
    (row, level) => (row.level === 'certified' && level !== 'certified' ? undefined : row),
    'web',
    () => false,
  );
  const event = (ids: string[]): ChangeEvent => ({
    store: 's',
    owner: 'o',
    revision: 1,
    ids,
    operation: 'mixed',
  });
  return { rows, events, reads, reader, event };
}

describe('a row-policy reader filtering change events', () => {
  it('judges a write of its own context by the records the write left, reading nothing', async () => {
    const { events, reads, reader, event } = store();
    const heard = firstValueFrom(reader.changes$);
    const change = event(['a', 'b', 'gone']);
    // The store now holds other versions than the write left: the write's own records decide.
    attachWrittenRecords(
      change,
      new Map<string, Row | undefined>([
        ['a', { level: 'certified' }],
        ['b', { level: 'web' }],
        ['gone', undefined],
      ]),
    );
    events.next(change);
    expect((await heard).ids).toEqual(['b', 'gone']);
    expect(reads).toEqual([]);
  });

  it('reads the records of an event that came without them (another context wrote)', async () => {
    const { events, reads, reader, event } = store();
    const heard = firstValueFrom(reader.changes$);
    events.next(event(['a', 'b', 'gone']));
    expect((await heard).ids).toEqual(['a', 'gone']);
    expect(reads).toEqual([['a', 'b', 'gone']]);
  });

  it('tells a wake-up reader the revision of an event from another context, reading nothing', async () => {
    const { events, reads, reader, event } = store();
    const heard = firstValueFrom(reader.revisions$);
    events.next({ ...event(['a', 'b', 'gone']), revision: 7 });
    expect(await heard).toBe(7);
    expect(reads).toEqual([]);
  });
});
