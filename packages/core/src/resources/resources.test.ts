import type { ClientJSON, SessionJSON, SignInJSON, SignUpJSON, UserJSON } from '@usher/protocol';
import { describe, expect, it } from 'vitest';
import { UsherMisuseError } from '../errors.ts';
import { Client } from './client.ts';
import { environmentFromJSON } from './environment.ts';
import type { ResourceContext } from './resource-context.ts';
import { Session } from './session.ts';
import { SignIn, type StartedSignIn } from './sign-in.ts';
import { SignUp, type StartedSignUp } from './sign-up.ts';
import { User } from './user.ts';

// Mapping is pure: the context is never called by these specs.
const ctx: ResourceContext = {
  call: () => Promise.reject(new Error('no network in mapping specs')),
  signInFor: (json) => new SignIn(json, ctx) as StartedSignIn,
  signUpFor: (json) => new SignUp(json, ctx) as StartedSignUp,
  userFor: (json) => new User(json, ctx),
  sessionIdFor: () => null,
  setActive: () => Promise.resolve(),
  getToken: () => Promise.resolve(null),
  endSession: () => Promise.resolve(),
  navigate: () => Promise.resolve(),
};

const userJSON: UserJSON = {
  object: 'user',
  id: 'user_1',
  username: 'ada',
  first_name: 'Ada',
  last_name: 'Lovelace',
  image_url: 'https://img.example/ada.png',
  has_image: false,
  primary_email_address_id: 'idn_1',
  email_addresses: [{ object: 'email_address', id: 'idn_1', email_address: 'ada@example.com', verification: { object: 'verification', status: 'verified', strategy: 'email_code', attempts: 1, expire_at: null } }],
  primary_phone_number_id: null,
  phone_numbers: [],
  password_enabled: true,
  external_accounts: [],
  two_factor_enabled: false,
  totp_enabled: false,
  backup_code_enabled: false,
  public_metadata: { plan: 'pro' },
  unsafe_metadata: {},
  last_sign_in_at: 1_700_000_000_000,
  created_at: 1_600_000_000_000,
  updated_at: 1_700_000_000_000,
};

const sessionJSON: SessionJSON = {
  object: 'session',
  id: 'sess_1',
  status: 'active',
  user: userJSON,
  factor_verification_age: [0, -1],
  last_active_at: 1_700_000_000_000,
  expire_at: 1_700_604_800_000,
  abandon_at: 1_702_592_000_000,
  created_at: 1_700_000_000_000,
  updated_at: 1_700_000_000_000,
};

const signInJSON: SignInJSON = {
  object: 'sign_in',
  id: 'sia_1',
  status: 'needs_first_factor',
  identifier: 'ada@example.com',
  supported_identifiers: ['email_address'],
  supported_first_factors: [{ strategy: 'password' }, { strategy: 'email_code', safe_identifier: 'a***@example.com', email_address_id: 'idn_1', primary: true }],
  supported_second_factors: null,
  first_factor_verification: null,
  second_factor_verification: null,
  user_data: { first_name: 'Ada', last_name: null, image_url: 'https://img.example/ada.png', has_image: false },
  created_session_id: null,
  abandon_at: 1_700_086_400_000,
};

const signUpJSON: SignUpJSON = {
  object: 'sign_up',
  id: 'sua_1',
  status: 'missing_requirements',
  required_fields: ['email_address', 'password'],
  optional_fields: ['first_name', 'last_name'],
  missing_fields: [],
  unverified_fields: ['email_address'],
  verifications: { email_address: { object: 'verification', status: 'unverified', strategy: 'email_code', attempts: 0, expire_at: 1_700_000_600_000 }, external_account: null },
  email_address: 'ada@example.com',
  username: null,
  first_name: null,
  last_name: null,
  password_enabled: true,
  legal_accepted_at: null,
  created_session_id: null,
  created_user_id: null,
  abandon_at: 1_700_086_400_000,
};

const clientJSON: ClientJSON = {
  object: 'client',
  id: 'client_1',
  sessions: [sessionJSON],
  sign_in: signInJSON,
  sign_up: null,
  last_active_session_id: 'sess_1',
  created_at: 1_600_000_000_000,
  updated_at: 1_700_000_000_000,
};

describe('resources built from the wire JSON', () => {
  it('a user is camelCased, with its primary email address and a full name', () => {
    const user = new User(userJSON, ctx);
    expect(user).toMatchObject({ id: 'user_1', username: 'ada', firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', hasImage: false, passwordEnabled: true, twoFactorEnabled: false, lastSignInAt: 1_700_000_000_000 });
    expect(user.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    expect(user.primaryEmailAddress?.verified).toBe(true);
    expect(user.emailAddresses[0]?.verification).toMatchObject({ status: 'verified', strategy: 'email_code', attempts: 1, expireAt: null });
    expect(user.publicMetadata).toEqual({ plan: 'pro' });
  });

  it('resources are frozen, so a component can never edit the snapshot', () => {
    const user = new User(userJSON, ctx);
    expect(Object.isFrozen(user)).toBe(true);
    expect(Object.isFrozen(user.emailAddresses)).toBe(true);
    expect(Object.isFrozen(user.publicMetadata)).toBe(true);
    expect(() => {
      (user as { firstName: string | null }).firstName = 'Eve';
    }).toThrow(TypeError);
  });

  it('a session carries its user and its timestamps', () => {
    const session = new Session(sessionJSON, ctx);
    expect(session).toMatchObject({ id: 'sess_1', status: 'active', factorVerificationAge: [0, -1], lastActiveAt: 1_700_000_000_000, expireAt: 1_700_604_800_000, abandonAt: 1_702_592_000_000 });
    expect(session.user.id).toBe('user_1');
  });

  it('a sign-in exposes its factors with camelCase keys and the identity preview', () => {
    const signIn = new SignIn(signInJSON, ctx);
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.supportedFirstFactors).toEqual([{ strategy: 'password' }, { strategy: 'email_code', safeIdentifier: 'a***@example.com', emailAddressId: 'idn_1', primary: true }]);
    expect(signIn.userData).toEqual({ firstName: 'Ada', lastName: null, imageUrl: 'https://img.example/ada.png', hasImage: false });
    expect(signIn.supportedSecondFactors).toBeNull();
  });

  it('an empty sign-in (no attempt yet) has no id and no status, and refuses factor calls', async () => {
    const signIn = new SignIn(null, ctx);
    expect(signIn.id).toBeNull();
    expect(signIn.status).toBeNull();
    await expect(signIn.attemptFirstFactor({ strategy: 'password', password: 'x' })).rejects.toBeInstanceOf(UsherMisuseError);
    await expect(signIn.prepareFirstFactor({ strategy: 'email_code' })).rejects.toThrow(TypeError);
  });

  it('a sign-up maps its fields and its email verification', () => {
    const signUp = new SignUp(signUpJSON, ctx);
    expect(signUp).toMatchObject({ id: 'sua_1', status: 'missing_requirements', requiredFields: ['email_address', 'password'], unverifiedFields: ['email_address'], emailAddress: 'ada@example.com', passwordEnabled: true });
    expect(signUp.verifications.emailAddress).toMatchObject({ status: 'unverified', attempts: 0, expireAt: 1_700_000_600_000 });
  });

  it('a complete sign-up without a session refuses finalize(), a missing one refuses finalize() too', async () => {
    await expect(new SignUp(signUpJSON, ctx).finalize()).rejects.toBeInstanceOf(UsherMisuseError);
    await expect(new SignUp({ ...signUpJSON, status: 'complete' }, ctx).finalize()).rejects.toThrow(/created session/);
  });

  it('methods are bound: destructuring keeps them working', async () => {
    const { attemptFirstFactor } = new SignIn({ ...signInJSON, status: 'needs_identifier' }, ctx);
    await expect(attemptFirstFactor({ strategy: 'password', password: 'x' })).rejects.toThrow(/needs_identifier/);
  });

  it('a client lists its sessions, the active ones and its current attempts', () => {
    const client = new Client({ ...clientJSON, sessions: [sessionJSON, { ...sessionJSON, id: 'sess_0', status: 'ended' }] }, ctx);
    expect(client.sessions.map((s) => s.id)).toEqual(['sess_1', 'sess_0']);
    expect(client.activeSessions.map((s) => s.id)).toEqual(['sess_1']);
    expect(client.signIn?.id).toBe('sia_1');
    expect(client.signUp).toBeNull();
    expect(client.lastActiveSessionId).toBe('sess_1');
  });

  it('the environment is camelCased deeply and frozen', () => {
    const environment = environmentFromJSON({
      object: 'environment',
      id: 'env_1',
      instance_environment_type: 'development',
      display_config: {
        application_name: 'Usher',
        logo_image_url: null,
        home_url: '/',
        sign_in_url: '/sign-in',
        sign_up_url: '/sign-up',
        after_sign_in_url: '/',
        after_sign_up_url: '/',
        after_sign_out_url: '/',
        default_avatar: 'marble',
        privacy_policy_url: null,
        terms_url: null,
      },
      user_settings: {
        attributes: {
          email_address: { enabled: true, required: true, used_for_first_factor: true, first_factors: ['email_code'], verifications: ['email_code'] },
          phone_number: { enabled: false, required: false, used_for_first_factor: false, first_factors: [], verifications: [] },
          username: { enabled: false, required: false, used_for_first_factor: false, first_factors: [], verifications: [] },
          first_name: { enabled: true, required: false, used_for_first_factor: false, first_factors: [], verifications: [] },
          last_name: { enabled: true, required: false, used_for_first_factor: false, first_factors: [], verifications: [] },
          password: { enabled: true, required: true, used_for_first_factor: false, first_factors: [], verifications: [] },
        },
        password_settings: { min_length: 8, max_length: 256, require_uppercase: false, require_lowercase: false, require_numbers: false, require_special_char: false, min_zxcvbn_strength: 2, breach_check: true },
        sign_up: { mode: 'public', legal_consent_enabled: false },
        sign_in: { enumeration_protection: true },
        mfa: { totp: true, phone_code: false, backup_code: true, required: false },
        actions: { delete_self: true },
        social: [],
      },
      auth_config: { single_session_mode: true, session_token_lifetime_seconds: 60 },
    });
    expect(environment.displayConfig.applicationName).toBe('Usher');
    expect(environment.userSettings.attributes.emailAddress.usedForFirstFactor).toBe(true);
    expect(environment.userSettings.passwordSettings.minLength).toBe(8);
    expect(environment.authConfig.sessionTokenLifetimeSeconds).toBe(60);
    expect(Object.isFrozen(environment.userSettings.attributes)).toBe(true);
  });
});

describe('structural sharing', () => {
  it('the same JSON gives back the same instance; a change gives a new one', () => {
    const client = new Client(clientJSON, ctx);
    expect(Client.share(structuredClone(clientJSON), ctx, client)).toBe(client);
    const touched = Client.share({ ...structuredClone(clientJSON), updated_at: clientJSON.updated_at + 1 }, ctx, client);
    expect(touched).not.toBe(client);
  });

  it('unchanged parts keep their identity when another part changes', () => {
    const client = new Client(clientJSON, ctx);
    const next = Client.share({ ...structuredClone(clientJSON), sign_in: { ...signInJSON, status: 'complete', created_session_id: 'sess_2' } }, ctx, client);
    expect(next.signIn).not.toBe(client.signIn);
    expect(next.sessions[0]).toBe(client.sessions[0]);
  });

  it("a session that was touched is new, but its unchanged user keeps its identity", () => {
    const client = new Client(clientJSON, ctx);
    const next = Client.share({ ...structuredClone(clientJSON), sessions: [{ ...sessionJSON, last_active_at: sessionJSON.last_active_at + 60_000 }] }, ctx, client);
    expect(next.sessions[0]).not.toBe(client.sessions[0]);
    expect(next.sessions[0]?.user).toBe(client.sessions[0]?.user);
  });
});
