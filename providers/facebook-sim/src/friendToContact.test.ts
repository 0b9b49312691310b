import { describe, expect, it } from 'vitest';
import { friendToContact } from './friendToContact';
import type { WireFriend } from './wireFormat';

const friend: WireFriend = {
  guid: '0f8fad5b-d9cb-469f-a165-70867728950e',
  isdeleted: false,
  name: 'Zoë Lee Kim',
  first_name: 'Zoë',
  middle_name: 'Lee',
  last_name: 'Kim',
  nickname: 'Kiki',
  phones: [
    { number: '(415) 555-0123', type: 'mobile' },
    { number: '+44 20 7946 0018', type: 'work' },
  ],
  emails: [{ address: 'Zoe.Kim@example.com', type: 'personal' }],
  birthday: { month: 2, day: 29 },
  work: { employer: 'Initech', position: 'Engineer' },
  picture: { id: 'pic-7', media_type: 'image/png' },
  profile_url: 'https://facebook.example/profile/0f8fad5b-d9cb-469f-a165-70867728950e',
  timestamp_created: 10,
  timestamp_lastupdate: 20,
};

describe('friendToContact', () => {
  it('maps a friend onto the contact model, numbers exactly as written', () => {
    const photo = { id: 'abc', thumbnailId: 'abc', mediaType: 'image/png' };
    expect(friendToContact(friend, photo)).toEqual({
      id: friend.guid,
      uid: friend.guid,
      formattedName: 'Zoë Lee Kim',
      given: 'Zoë',
      additional: 'Lee',
      family: 'Kim',
      nickname: ['Kiki'],
      tel: [
        { value: '(415) 555-0123', type: ['cell'] },
        { value: '+44 20 7946 0018', type: ['work', 'voice'] },
      ],
      email: [{ value: 'Zoe.Kim@example.com', type: ['home'] }],
      bday: { month: 2, day: 29 },
      org: 'Initech',
      jobTitle: 'Engineer',
      url: [{ value: friend.profile_url, type: ['profile'], label: 'Facebook' }],
      photo,
      updatedAt: 20,
    });
  });

  it('leaves out what the friend has not got, and never carries picture bytes', () => {
    const bare: WireFriend = {
      ...friend,
      first_name: '',
      phones: [],
      emails: [],
      name: 'Kim',
      middle_name: undefined,
      nickname: undefined,
      birthday: undefined,
      work: undefined,
    };
    const contact = friendToContact(bare);
    expect(Object.keys(contact).sort()).toEqual(['family', 'formattedName', 'id', 'uid', 'updatedAt', 'url']);
    expect(JSON.stringify(friendToContact(friend, { id: 'h', mediaType: 'image/png' }))).not.toMatch(
      /bytes|base64|data:/,
    );
  });
});
