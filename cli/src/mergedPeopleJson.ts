import { displayNameOf } from '@gcds/consumer-contacts';
import type { VcardParseError } from '@gcds/provider-vcard';
import { type MergedContact, phoneKeys, type SourceRef } from '@gcds/shared';
import { type CardOrigin, compareOrigins } from './fileAddressBook';

/** The `gcds merge --json` output. Other tools parse it: the shape is a contract, keep it stable. */
export interface MergeJson {
  contacts: MergeJsonContact[];
  errors: MergeJsonError[];
}

export interface MergeJsonContact {
  id: string;
  name: string;
  /** E.164 where the number parses in the run's region, else as written. */
  tel: string[];
  email: string[];
  sources: MergeJsonSource[];
}

export interface MergeJsonSource {
  provider: 'vcard';
  file: string;
  uid: string | null;
  index: number;
}

export interface MergeJsonError {
  file: string;
  line: number;
  message: string;
}

/** A number for other tools: E.164 when it parses, else exactly as written. */
export function telForJson(value: string, region: string): string {
  return phoneKeys(value, region).e164 ?? value;
}

export function mergedContactJson(
  merged: MergedContact,
  region: string,
  originOf: (source: SourceRef) => CardOrigin | undefined,
): MergeJsonContact {
  const origins = merged.sources
    .map(originOf)
    .filter((origin): origin is CardOrigin => origin !== undefined)
    .sort(compareOrigins);
  return {
    id: merged.personId,
    name: displayNameOf(merged),
    // The merged view already joined equal numbers; two spellings that parse alike collapse here too.
    tel: [...new Set(merged.tel.map((tel) => telForJson(tel.value.value, region)))],
    email: merged.email.map((email) => email.value.value),
    sources: origins.map((origin) => ({
      provider: 'vcard',
      file: origin.file,
      uid: origin.uid,
      index: origin.index,
    })),
  };
}

export function errorJson(error: VcardParseError): MergeJsonError {
  return { file: error.file, line: error.line, message: error.message };
}
