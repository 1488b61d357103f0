import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../../store/types.ts';
import { isKnownShortcode, resolveShortcodes, shortcodesIn, USER_SHORTCODES, type ShortcodeUser } from './shortcodes.ts';

const user: UserRecord = {
  id: 'user_1', username: 'ada', firstName: 'Ada', lastName: 'Lovelace', passwordHash: null, imageUrl: null, primaryEmailAddressId: 'idn_1', primaryPhoneNumberId: null,
  publicMetadata: { plan: 'pro', limits: { seats: 5 }, tags: ['a'] }, privateMetadata: { secret: 'x' }, unsafeMetadata: { theme: 'dark' },
  failedAttempts: 0, defaultSecondFactor: null, lockedUntil: null, bannedAt: null, lastSignInAt: null, createdAt: 1000, updatedAt: 2000,
};
const view: ShortcodeUser = { user, primaryEmail: { id: 'idn_1', userId: 'user_1', emailAddress: 'ada@example.com', verifiedAt: 1, createdAt: 1 }, imageUrl: 'https://img/ada.png' };

describe('JWT template shortcodes', () => {
  it('a whole-string shortcode keeps the value’s type; embedded ones interpolate as text', () => {
    expect(
      resolveShortcodes(
        {
          name: '{{user.full_name}}',
          first: '{{ user.first_name }}',
          verified: '{{user.email_verified}}',
          phoneVerified: '{{user.phone_number_verified}}',
          phone: '{{user.primary_phone_number}}',
          created: '{{user.created_at}}',
          meta: '{{user.public_metadata}}',
          plan: '{{user.public_metadata.plan}}',
          seats: '{{user.public_metadata.limits.seats}}',
          missing: '{{user.public_metadata.nope.deeper}}',
          sentence: 'Hi {{user.first_name}} ({{user.username}}), plan {{user.public_metadata.plan}}{{user.primary_phone_number}}',
          list: ['{{user.id}}', 'static', 3, true, null],
          nested: { email: '{{user.primary_email_address}}', image: '{{user.image_url}}' },
        },
        view,
      ),
    ).toEqual({
      name: 'Ada Lovelace',
      first: 'Ada',
      verified: true,
      phoneVerified: false,
      phone: null,
      created: 1000,
      meta: { plan: 'pro', limits: { seats: 5 }, tags: ['a'] },
      plan: 'pro',
      seats: 5,
      missing: null,
      sentence: 'Hi Ada (ada), plan pro',
      list: ['user_1', 'static', 3, true, null],
      nested: { email: 'ada@example.com', image: 'https://img/ada.png' },
    });
  });

  it('private and unsafe metadata are not reachable; unknown shortcodes are recognised as unknown', () => {
    for (const code of USER_SHORTCODES) expect(isKnownShortcode(code)).toBe(true);
    expect(isKnownShortcode('user.public_metadata.a.b_c')).toBe(true);
    for (const code of ['user.private_metadata', 'user.private_metadata.secret', 'user.unsafe_metadata', 'user.password', 'session.id', 'user.public_metadata.__proto__x.']) {
      expect(isKnownShortcode(code), code).toBe(false);
    }
    expect(shortcodesIn({ a: '{{user.id}} and {{ user.private_metadata }}', b: ['{{x.y}}'], c: 5 })).toEqual(['user.id', 'user.private_metadata', 'x.y']);
  });

  it('metadata lookups never walk the prototype chain', () => {
    expect(resolveShortcodes('{{user.public_metadata.constructor}}', view)).toBeNull();
    expect(resolveShortcodes('{{user.public_metadata.tags.length}}', view)).toBeNull();
  });
});
