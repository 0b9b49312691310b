import { IDENTITIES, significantDigits } from './identities';
import type { ObservedPerson, ObservedState } from './observedState';
import type { PipelineUnderTest } from './pipelineUnderTest';
import type { ContactIdOf, ExpectedPerson, ReferenceModel } from './referenceModel';

/*
 * Compares what the pipeline shows with what the reference model says it should, reader by reader, and
 * says every difference in words a failing test can print.
 */

const groupName = (keys: readonly string[]) => `{${keys.join(' + ')}}`;

function setDifference(label: string, expected: readonly string[], actual: readonly string[]): string[] {
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  const out: string[] = [];
  if (missing.length > 0) out.push(`${label}: missing ${missing.join(', ')}`);
  if (extra.length > 0) out.push(`${label}: unexpected ${extra.join(', ')}`);
  return out;
}

function comparePerson(where: string, expected: ExpectedPerson, actual: ObservedPerson): string[] {
  const out: string[] = [];
  const who = `${where} ${groupName(expected.sources)}`;
  if (actual.displayName !== expected.displayName) {
    out.push(`${who}: shows "${actual.displayName}", expected "${expected.displayName}"`);
  }
  if (actual.org !== expected.org) out.push(`${who}: org "${actual.org}", expected "${expected.org}"`);
  out.push(...setDifference(`${who} phones`, expected.phones, actual.phones));
  out.push(...setDifference(`${who} emails`, expected.emails, actual.emails));
  return out;
}

/** Every way the observed state differs from the model; empty when they agree. */
export function divergences(
  model: ReferenceModel,
  observed: ObservedState,
  contactIdOf: ContactIdOf,
): string[] {
  const out: string[] = [...observed.errors.map((e) => `error after settling: ${e}`)];
  const expectedGroups = model.groups().map(groupName);
  out.push(...setDifference('GCDS people', expectedGroups, observed.gcdsGroups.map(groupName)));

  for (const consumer of observed.consumers) {
    const where = `${consumer.name} (${consumer.level})`;
    out.push(...consumer.problems.map((p) => `${where}: ${p}`));
    const expected = model.view(consumer.level, contactIdOf);
    if (consumer.kind === 'contacts') {
      const actualByGroup = new Map(consumer.people.map((p) => [groupName(p.sources), p]));
      out.push(
        ...setDifference(
          `${where} people`,
          expected.map((p) => groupName(p.sources)),
          [...actualByGroup.keys()],
        ),
      );
      for (const person of expected) {
        const actual = actualByGroup.get(groupName(person.sources));
        if (actual !== undefined) out.push(...comparePerson(where, person, actual));
      }
      continue;
    }
    if (consumer.kind === 'messaging') {
      const reachable = expected.filter((p) => p.phones.length > 0 || p.emails.length > 0);
      if (consumer.rows !== reachable.length) {
        out.push(`${where}: ${consumer.rows} recipient rows, expected ${reachable.length}`);
      }
      for (const thread of consumer.threads) {
        const digits = significantDigits(thread.address);
        const owners = expected.filter((p) =>
          thread.address.includes('@') ? p.emails.includes(thread.address) : p.phones.includes(digits),
        );
        const label = `${where} thread ${thread.address}`;
        if (owners.length === 0) {
          if (thread.person !== undefined)
            out.push(`${label}: named after ${groupName(thread.person.sources)}, expected a stranger`);
          continue;
        }
        const named =
          thread.person === undefined
            ? undefined
            : owners.find((o) => groupName(o.sources) === groupName(thread.person!.sources));
        if (named === undefined) {
          out.push(
            `${label}: named after ${thread.person === undefined ? 'nobody' : groupName(thread.person.sources)}, expected one of ${owners.map((o) => groupName(o.sources)).join(', ')}`,
          );
          continue;
        }
        if (thread.person!.displayName !== named.displayName) {
          out.push(`${label}: named "${thread.person!.displayName}", expected "${named.displayName}"`);
        }
        if (thread.others !== owners.length - 1)
          out.push(`${label}: ${thread.others} others, expected ${owners.length - 1}`);
      }
      continue;
    }
    const callable = expected.filter((p) => p.phones.length > 0);
    if (consumer.rows !== callable.length) {
      out.push(`${where}: ${consumer.rows} caller-ID rows, expected ${callable.length}`);
    }
    for (const identity of IDENTITIES) {
      const digits = significantDigits(identity.e164);
      const owners = expected.filter((p) => p.phones.includes(digits));
      const seen = consumer.callerIds.find((c) => c.number === digits)?.people ?? [];
      const label = `${where} caller ID of ${identity.e164}`;
      out.push(
        ...setDifference(
          label,
          owners.map((p) => groupName(p.sources)),
          seen.map((p) => groupName(p.sources)),
        ),
      );
      for (const owner of owners) {
        const match = seen.find((p) => groupName(p.sources) === groupName(owner.sources));
        if (match !== undefined && match.displayName !== owner.displayName) {
          out.push(`${label}: named "${match.displayName}", expected "${owner.displayName}"`);
        }
      }
    }
  }
  return out;
}

/**
 * People the user split apart, or whose suggestion the user dismissed, are never suggested to each
 * other again (checked for at most `limit` pairs, the latest decisions first).
 */
export async function suggestionDivergences(
  model: ReferenceModel,
  world: PipelineUnderTest,
  limit = 6,
): Promise<string[]> {
  const groups = model.groups();
  const groupOf = (key: string) => groups.find((g) => g.includes(key));
  const pairs = [...model.decisions]
    .filter(([, kind]) => kind === 'separate' || kind === 'dismissed')
    .map(([pair, kind]) => [...pair.split('|'), kind] as [string, string, string])
    .filter(([x, y]) => groupOf(x) !== undefined && groupOf(y) !== undefined && groupOf(x) !== groupOf(y))
    .slice(-limit);
  const records = new Map(model.records().map((r) => [r.key, r]));
  const out: string[] = [];
  for (const [x, y, kind] of pairs) {
    const px = await world.personOf(x, records.get(x)!.provider);
    const py = await world.personOf(y, records.get(y)!.provider);
    const suggested = await world.gcds.suggestDuplicates(px, 50);
    if (suggested.some((s) => s.personId === py)) {
      out.push(`the person of ${y} is suggested for the person of ${x}, though the pair is ${kind}`);
    }
  }
  return out;
}
