import type { Contact, ContactEmail, ContactTel, PhotoRef } from '@gcds/shared';
import type { WireFriend } from './wireFormat';

const TEL_TYPES: Record<WireFriend['phones'][number]['type'], string[]> = {
  mobile: ['cell'],
  home: ['home', 'voice'],
  work: ['work', 'voice'],
};

const EMAIL_TYPES: Record<WireFriend['emails'][number]['type'], string[]> = {
  personal: ['home'],
  work: ['work'],
};

/**
 * The record stored for a friend: the guid is the record id (stable across resyncs, so the GCDS's merge
 * decisions stay attached), numbers are kept exactly as the friend wrote them, the picture is a reference.
 */
export function friendToContact(friend: WireFriend, photo?: PhotoRef): Contact {
  const contact: Contact = { id: friend.guid, uid: friend.guid, formattedName: friend.name };
  if (friend.first_name.trim() !== '') contact.given = friend.first_name;
  if (friend.middle_name !== undefined) contact.additional = friend.middle_name;
  if (friend.last_name.trim() !== '') contact.family = friend.last_name;
  if (friend.nickname !== undefined) contact.nickname = [friend.nickname];
  if (friend.phones.length > 0) {
    contact.tel = friend.phones.map(
      (phone): ContactTel => ({ value: phone.number, type: [...TEL_TYPES[phone.type]] }),
    );
  }
  if (friend.emails.length > 0) {
    contact.email = friend.emails.map(
      (email): ContactEmail => ({ value: email.address, type: [...EMAIL_TYPES[email.type]] }),
    );
  }
  if (friend.birthday !== undefined) contact.bday = { ...friend.birthday };
  if (friend.work !== undefined) {
    contact.org = friend.work.employer;
    if (friend.work.position !== undefined) contact.jobTitle = friend.work.position;
  }
  contact.url = [{ value: friend.profile_url, type: ['profile'], label: 'Facebook' }];
  if (photo !== undefined) contact.photo = { ...photo };
  contact.updatedAt = friend.timestamp_lastupdate;
  return contact;
}
