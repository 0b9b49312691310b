import type {
  ContactAddress,
  ContactDraft,
  ContactEmail,
  ContactTel,
  ContactUri,
  ExtraProperty,
  PartialDate,
} from '@gcds/shared';
import { parsePartialDate, parseTimestamp } from './vcardDates';
import type { CardPhoto } from './vcardParseResult';
import { inlinePhoto, PhotoDataError } from './vcardPhoto';
import { type ParamValue, paramList, type VcardProperty } from './vcardProperty';
import { splitEscaped, unescapeText } from './vcardText';

export type MappedCard =
  | { kind: 'group' }
  | { kind: 'empty' }
  | {
      kind: 'contact';
      contact: ContactDraft;
      photo?: CardPhoto;
      uid: string | null;
      /** What was left out of the card, by line: the card is imported without it. */
      leftOut: CardNote[];
    };

/** A line of the card and what happened to it. */
export interface CardNote {
  line: number;
  message: string;
}

/** Our own marker on an FN we derived on export because the contact had none: dropped on import. */
export const DERIVED_FN_PARAM = 'x-gcds-derived';

/** Properties that describe the file, not the person. */
const IGNORED = new Set(['VERSION', 'PRODID']);
/** Properties an `itemN.X-ABLabel` may label. */
const LABELLED = new Set(['TEL', 'EMAIL', 'ADR', 'URL', 'IMPP']);

/** Apple's built-in labels are wrapped: `_$!<Mobile>!$_` → `Mobile`. */
function labelText(value: string): string {
  const text = unescapeText(value);
  return /^_\$!<(.*)>!\$_$/s.exec(text)?.[1] ?? text;
}

function groupKey(group: string | undefined): string | undefined {
  return group?.toLowerCase();
}

/** `TYPE=CELL,VOICE;TYPE=pref`, `PREF=1` → `{ type: ['cell', 'voice'], pref: true }`. */
function typeAndPref(params: Record<string, ParamValue>): { type?: string[]; pref?: true } {
  const types: string[] = [];
  let pref = params.pref !== undefined;
  for (const type of paramList(params, 'type')) {
    const lower = type.toLowerCase();
    if (lower === 'pref') pref = true;
    else if (!types.includes(lower)) types.push(lower);
  }
  return { ...(types.length > 0 ? { type: types } : {}), ...(pref ? { pref: true } : {}) };
}

function nonEmpty(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** Components of a structured value; a value with more than `count` keeps the rest in the last one. */
function components(value: string, count: number): string[] {
  const parts = splitEscaped(value, ';');
  const head = parts.slice(0, count - 1).map(unescapeText);
  const tail = parts
    .slice(count - 1)
    .map(unescapeText)
    .join(';');
  const result = [...head, tail];
  while (result.length < count) result.push('');
  return result;
}

function toExtra(property: VcardProperty): ExtraProperty {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(property.params)) params[key.toUpperCase()] = value;
  if (property.valueParam !== undefined) params.VALUE = property.valueParam;
  return {
    name: property.name,
    ...(property.group === undefined ? {} : { group: property.group }),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    value: property.value,
  };
}

function param(property: VcardProperty, name: string): string | undefined {
  const value = property.params[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Maps a card's properties onto the Contact model. Whatever the model has no field for (unknown and
 * X- properties, a second NOTE, a remote PHOTO link, a date that is not a date) goes to `extra` verbatim,
 * so export writes it back. Returns `group` for Apple group cards, which list members and are no person.
 */
export function contactFromProperties(properties: readonly VcardProperty[]): MappedCard {
  const labels = new Map<string, string>();
  const consumedLabels = new Set<VcardProperty>();
  const labelledGroups = new Set(
    properties.filter((p) => LABELLED.has(p.name) && p.group !== undefined).map((p) => groupKey(p.group)),
  );
  for (const property of properties) {
    const key = groupKey(property.group);
    if (property.name !== 'X-ABLABEL' || key === undefined || !labelledGroups.has(key) || labels.has(key))
      continue;
    labels.set(key, labelText(property.value));
    consumedLabels.add(property);
  }
  const labelOf = (property: VcardProperty) => {
    const key = groupKey(property.group);
    const label = key === undefined ? undefined : labels.get(key);
    return label === undefined ? {} : { label };
  };

  let formattedName: string | undefined;
  let name: string[] | undefined;
  const nickname: string[] = [];
  let org: string | undefined;
  let department: string | undefined;
  let orgSeen = false;
  let jobTitle: string | undefined;
  const tel: ContactTel[] = [];
  const email: ContactEmail[] = [];
  const adr: ContactAddress[] = [];
  const url: ContactUri[] = [];
  const impp: ContactUri[] = [];
  let bday: PartialDate | undefined;
  let anniversary: PartialDate | undefined;
  let note: string | undefined;
  const category: string[] = [];
  let photo: CardPhoto | undefined;
  let uid: string | undefined;
  let updatedAt: number | undefined;
  const extra: ExtraProperty[] = [];
  const leftOut: CardNote[] = [];
  let isGroup = false;
  let meaningful = 0;

  for (const property of properties) {
    if (IGNORED.has(property.name) || consumedLabels.has(property)) continue;
    meaningful++;
    const text = () => unescapeText(property.value);
    let kept = true;
    switch (property.name) {
      case 'KIND':
      case 'X-ADDRESSBOOKSERVER-KIND':
        if (text().trim().toLowerCase() === 'group') isGroup = true;
        else kept = false;
        break;
      case 'FN':
        if (
          property.params[DERIVED_FN_PARAM] !== undefined ||
          (formattedName === undefined && text() === '')
        ) {
          meaningful--;
        } else if (formattedName === undefined) {
          formattedName = text();
        } else {
          kept = false;
        }
        break;
      case 'N': {
        const parts = components(property.value, 5);
        if (parts.every((part) => part === '')) meaningful--;
        else if (name === undefined) name = parts;
        else kept = false;
        break;
      }
      case 'NICKNAME':
        for (const item of splitEscaped(property.value, ',').map(unescapeText))
          if (item !== '') nickname.push(item);
        break;
      case 'CATEGORIES':
        for (const item of splitEscaped(property.value, ',').map(unescapeText))
          if (item !== '') category.push(item);
        break;
      case 'ORG': {
        const [first = '', ...rest] = splitEscaped(property.value, ';').map(unescapeText);
        const dept = rest.join(';');
        if (orgSeen || (first === '' && dept === '')) kept = false;
        else {
          orgSeen = true;
          org = nonEmpty(first);
          department = nonEmpty(dept);
        }
        break;
      }
      case 'TITLE':
        if (jobTitle === undefined && text() !== '') jobTitle = text();
        else kept = false;
        break;
      case 'NOTE':
        if (note === undefined && text() !== '') note = text();
        else kept = false;
        break;
      case 'UID':
        if (uid === undefined && text() !== '') uid = text();
        else kept = false;
        break;
      case 'REV': {
        const time = updatedAt === undefined ? parseTimestamp(text()) : undefined;
        if (time === undefined) kept = false;
        else updatedAt = time;
        break;
      }
      case 'BDAY':
      case 'ANNIVERSARY':
      case 'X-ANNIVERSARY': {
        const isBday = property.name === 'BDAY';
        const date =
          property.valueParam === 'text' || (isBday ? bday : anniversary) !== undefined
            ? undefined
            : parsePartialDate(text(), param(property, 'x-apple-omit-year'));
        if (date === undefined) kept = false;
        else if (isBday) bday = date;
        else anniversary = date;
        break;
      }
      case 'TEL': {
        const value = text().replace(/^tel:/i, '');
        if (value === '') kept = false;
        else tel.push({ value, ...typeAndPref(property.params), ...labelOf(property) });
        break;
      }
      case 'EMAIL': {
        const value = text();
        if (value === '') kept = false;
        else email.push({ value, ...typeAndPref(property.params), ...labelOf(property) });
        break;
      }
      case 'URL':
      case 'IMPP': {
        const value = text();
        const { type } = typeAndPref(property.params);
        const entry: ContactUri = { value, ...(type === undefined ? {} : { type }), ...labelOf(property) };
        if (value === '') kept = false;
        else (property.name === 'URL' ? url : impp).push(entry);
        break;
      }
      case 'ADR': {
        const [poBox, extended, street, locality, region, postalCode, countryName] = components(
          property.value,
          7,
        );
        const fields = { poBox, extended, street, locality, region, postalCode, countryName };
        const address: ContactAddress = { ...typeAndPref(property.params), ...labelOf(property) };
        for (const [key, value] of Object.entries(fields)) {
          if (value !== undefined && value !== '') address[key as keyof typeof fields] = value;
        }
        if (Object.keys(fields).every((key) => address[key as keyof typeof fields] === undefined))
          kept = false;
        else adr.push(address);
        break;
      }
      case 'PHOTO': {
        if (photo !== undefined) {
          kept = false;
          break;
        }
        try {
          photo = inlinePhoto(
            property.value,
            param(property, 'encoding'),
            param(property, 'type') ?? param(property, 'mediatype'),
          );
        } catch (error) {
          if (!(error instanceof PhotoDataError)) throw error;
          // A bad picture is no reason to lose the person: the card goes in without it, and says so.
          leftOut.push({ line: property.line, message: `${error.message}, so it was left out` });
          break;
        }
        if (photo === undefined) kept = false;
        break;
      }
      default:
        kept = false;
    }
    if (!kept) extra.push(toExtra(property));
  }

  if (isGroup) return { kind: 'group' };
  if (meaningful === 0) return { kind: 'empty' };

  const [family, given, additional, prefix, suffix] = name ?? [];
  const contact: ContactDraft = {};
  const set = <K extends keyof ContactDraft>(key: K, value: ContactDraft[K] | undefined) => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    contact[key] = value;
  };
  set('prefix', prefix);
  set('given', given);
  set('additional', additional);
  set('family', family);
  set('suffix', suffix);
  set('nickname', nickname);
  set('formattedName', formattedName);
  set('tel', tel);
  set('email', email);
  set('adr', adr);
  set('org', org);
  set('department', department);
  set('jobTitle', jobTitle);
  set('bday', bday);
  set('anniversary', anniversary);
  set('url', url);
  set('impp', impp);
  set('note', note);
  set('category', category);
  set('uid', uid);
  set('extra', extra);
  set('updatedAt', updatedAt);
  return {
    kind: 'contact',
    contact,
    ...(photo === undefined ? {} : { photo }),
    uid: uid ?? null,
    leftOut,
  };
}
