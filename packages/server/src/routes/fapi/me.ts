import {
  attemptEmailAddressVerificationBody,
  changePasswordBody,
  createEmailAddressBody,
  createPhoneNumberBody,
  preparePhoneNumberVerificationBody,
  emptyBody,
  prepareEmailAddressVerificationBody,
  updateMeBody,
  updatePhoneNumberBody,
  attemptTotpVerificationBody,
} from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import { updateMe } from '../../services/me.ts';
import { getMe } from '../../services/current-user.ts';
import { changePassword, deleteMe } from '../../services/me-account.ts';
import { listActiveSessions, revokeMySession } from '../../services/me-sessions.ts';
import { addPhoneNumber, attemptPhoneNumberVerification, phoneNumberJSON, preparePhoneNumberVerification, removePhoneNumber } from '../../services/me-phone-numbers.ts';
import { removeProfileImage, setProfileImage } from '../../services/me-profile-image.ts';
import { updatePhoneNumberSecondFactor } from '../../services/me-phone-second-factor.ts';
import { attemptTotpVerification, createTotp, deleteTotp, regenerateBackupCodes } from '../../services/me-totp.ts';
import {
  addEmailAddress,
  attemptEmailAddressVerification,
  emailAddressJSON,
  prepareEmailAddressVerification,
  removeEmailAddress,
} from '../../services/me-email-addresses.ts';
import { prepareEmailAddressLink } from '../../services/me-email-address-link.ts';
import { loadUserJSON } from '../../services/serializers/user.ts';
import type { Runtime } from '../../services/runtime.ts';
import { pathId, withClient, type App, type AppContext } from '../types.ts';

/** `?_session_id=` picks the session; without it, the device's last active session acts. */
function requestedSessionId(c: AppContext): string | null {
  const value = c.req.query('_session_id');
  return value === undefined || value === '' ? null : value;
}

export function registerMeRoutes(app: App, rt: Runtime): void {
  app.get('/v1/me', async (c) => {
    const { user } = await getMe(rt, c.get('clientContext'), requestedSessionId(c));
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });

  app.patch('/v1/me', async (c) => {
    const body = parseBody(updateMeBody, c.get('body'));
    const { user } = await updateMe(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), body);
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });

  /** `{ current_password, new_password, sign_out_of_other_sessions }`. */
  app.post('/v1/me/change_password', async (c) => {
    const body = parseBody(changePasswordBody, c.get('body'));
    const { user } = await changePassword(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), body);
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });

  const emailId = (c: AppContext) => pathId(c, 'idn', 'email_address_not_found');

  /** Adds an unverified address (re-verification within 10 minutes required). */
  app.post('/v1/me/email_addresses', async (c) => {
    const body = parseBody(createEmailAddressBody, c.get('body'));
    const email = await addEmailAddress(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), body.email_address);
    return c.json(await withClient(rt, c, await emailAddressJSON(rt, email)));
  });
  app.post('/v1/me/email_addresses/:id/prepare_verification', async (c) => {
    const id = emailId(c);
    const body = parseBody(prepareEmailAddressVerificationBody, c.get('body'));
    const email =
      body.strategy === 'email_link'
        ? await prepareEmailAddressLink(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), id, body.redirect_url, c.req.header('origin') ?? null)
        : await prepareEmailAddressVerification(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), id);
    return c.json(await withClient(rt, c, await emailAddressJSON(rt, email)));
  });
  app.post('/v1/me/email_addresses/:id/attempt_verification', async (c) => {
    const id = emailId(c);
    const body = parseBody(attemptEmailAddressVerificationBody, c.get('body'));
    const email = await attemptEmailAddressVerification(rt, c.get('clientContext'), requestedSessionId(c), id, body.code);
    return c.json(await withClient(rt, c, await emailAddressJSON(rt, email)));
  });
  app.delete('/v1/me/email_addresses/:id', async (c) => {
    const id = emailId(c);
    parseBody(emptyBody, c.get('body') ?? {});
    await removeEmailAddress(rt, c.get('clientContext'), requestedSessionId(c), id);
    return c.json(await withClient(rt, c, { object: 'email_address', id, deleted: true }));
  });

  /** Sets the profile image: multipart `file` (or raw image bytes), at most 512 × 512 pixels. */
  app.post('/v1/me/profile_image', async (c) => {
    const user = await setProfileImage(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), c.get('upload') ?? new Uint8Array(0));
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });
  app.delete('/v1/me/profile_image', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    const user = await removeProfileImage(rt, c.get('clientContext'), requestedSessionId(c));
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });

  /** Every device the user is signed in on (browser, OS, IP, location when a trusted proxy gives it). */
  app.get('/v1/me/sessions/active', async (c) => {
    const data = await listActiveSessions(rt, c.get('clientContext'), requestedSessionId(c));
    return c.json({ data, total_count: data.length });
  });
  /** Signs one of the user's devices out. */
  app.post('/v1/me/sessions/:id/revoke', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    parseBody(emptyBody, c.get('body') ?? {});
    return c.json(await withClient(rt, c, await revokeMySession(rt, c.get('clientContext'), requestedSessionId(c), id)));
  });

  const phoneId = (c: AppContext) => pathId(c, 'idn', 'phone_number_not_found');

  /** Adds an unverified phone number (instance `phone_number` attribute on; re-verification required). */
  app.post('/v1/me/phone_numbers', async (c) => {
    const body = parseBody(createPhoneNumberBody, c.get('body'));
    const phone = await addPhoneNumber(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), body.phone_number);
    return c.json(await withClient(rt, c, await phoneNumberJSON(rt, phone)));
  });
  app.post('/v1/me/phone_numbers/:id/prepare_verification', async (c) => {
    const id = phoneId(c);
    parseBody(preparePhoneNumberVerificationBody, c.get('body'));
    const phone = await preparePhoneNumberVerification(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), id);
    return c.json(await withClient(rt, c, await phoneNumberJSON(rt, phone)));
  });
  app.post('/v1/me/phone_numbers/:id/attempt_verification', async (c) => {
    const id = phoneId(c);
    const body = parseBody(attemptEmailAddressVerificationBody, c.get('body'));
    const phone = await attemptPhoneNumberVerification(rt, c.get('clientContext'), requestedSessionId(c), id, body.code);
    return c.json(await withClient(rt, c, await phoneNumberJSON(rt, phone)));
  });
  app.delete('/v1/me/phone_numbers/:id', async (c) => {
    const id = phoneId(c);
    parseBody(emptyBody, c.get('body') ?? {});
    await removePhoneNumber(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), id);
    return c.json(await withClient(rt, c, { object: 'phone_number', id, deleted: true }));
  });

  /** Reserves a verified number for 2-step verification (or releases it); makes it the default second factor. */
  app.patch('/v1/me/phone_numbers/:id', async (c) => {
    const id = phoneId(c);
    const body = parseBody(updatePhoneNumberBody, c.get('body'));
    return c.json(await withClient(rt, c, await updatePhoneNumberSecondFactor(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), id, body)));
  });

  /** Starts setting up an authenticator app: the secret and its otpauth:// URI (re-verification required). */
  app.post('/v1/me/totp', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    return c.json(await withClient(rt, c, await createTotp(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c))));
  });
  /** The app's first code turns it on; the account's first second factor answers its backup codes, once. */
  app.post('/v1/me/totp/attempt_verification', async (c) => {
    const body = parseBody(attemptTotpVerificationBody, c.get('body'));
    return c.json(await withClient(rt, c, await attemptTotpVerification(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), body.code)));
  });
  /** Removes the authenticator app (re-verification required). */
  app.delete('/v1/me/totp', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    await deleteTotp(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c));
    return c.json(await withClient(rt, c, { object: 'totp', deleted: true }));
  });
  /** A new set of backup codes; the earlier ones stop working (re-verification required). */
  app.post('/v1/me/backup_codes', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    return c.json(await withClient(rt, c, await regenerateBackupCodes(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c))));
  });

  /** Deletes the account (re-verification within 10 minutes required). */
  app.delete('/v1/me', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    const id = await deleteMe(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c));
    return c.json(await withClient(rt, c, { object: 'user', id, deleted: true }));
  });
}
