import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { withConflicts } from './errors.ts';
import { removeUnverifiedCopies } from './email-addresses.ts';
import { insertEvents } from './events.ts';
import { fromEmailAddress, fromOutbox, fromSession, fromUser } from './mappers.ts';
import { fromExternalAccount } from './oauth-mappers.ts';
import { fromSignIn, fromSignUp, signInPatch, signUpPatch, toSignIn, toSignUp } from './sign-flow-mappers.ts';

type SignFlowMethods = Pick<
  Store,
  'createSignIn' | 'getSignIn' | 'updateSignIn' | 'completeSignIn' | 'createSignUp' | 'getSignUp' | 'updateSignUp' | 'completeSignUp'
>;

export function sqlSignFlows({ db, dialect }: SqlContext): SignFlowMethods {
  const getSignIn = async (id: string) => {
    const row = await db.selectFrom('sign_ins').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSignIn(row) : null;
  };
  const getSignUp = async (id: string) => {
    const row = await db.selectFrom('sign_ups').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSignUp(row) : null;
  };
  // An empty patch would make an UPDATE without a SET clause, which is invalid SQL.
  const hasValues = (values: object): boolean => Object.values(values).some((v) => v !== undefined);

  return {
    async createSignIn(signIn) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sign_ins').values(fromSignIn(signIn)).execute();
        await trx.updateTable('clients').set({ sign_in_id: signIn.id, updated_at: signIn.createdAt }).where('id', '=', signIn.clientId).execute();
      });
    },
    getSignIn,
    async updateSignIn(id, patch) {
      const values = signInPatch(patch);
      if (!hasValues(values)) return getSignIn(id);
      const row = await db.updateTable('sign_ins').set(values).where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toSignIn(row) : null;
    },
    async completeSignIn({ signInId, fromStatuses, session, clientTokenHash, now, passwordReset, emit }) {
      if (fromStatuses.length === 0) return false;
      return db.transaction().execute(async (trx) => {
        // The status guard comes first: on Postgres it row-locks the sign-in, so a concurrent
        // completion waits here and then finds the status changed; on SQLite the single
        // connection already runs one transaction at a time.
        const claimed = await trx
          .updateTable('sign_ins')
          .set({ status: 'complete', created_session_id: session.id, updated_at: now })
          .where('id', '=', signInId)
          .where('status', 'in', fromStatuses)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return false;
        if (passwordReset) {
          await trx.updateTable('users').set({ password_hash: passwordReset.passwordHash, updated_at: now }).where('id', '=', session.userId).execute();
          // Before the new session exists, so "every other session" is simply every active one.
          if (passwordReset.revokeOtherSessions) {
            const revoked = await trx
              .updateTable('sessions')
              .set({ status: 'revoked', updated_at: now })
              .where('user_id', '=', session.userId)
              .where('status', '=', 'active')
              .returning('id')
              .execute();
            await insertEvents(trx, emit, revoked.map((r) => ['session.revoked', r.id] as const));
          }
          if (passwordReset.notification) await trx.insertInto('outbox').values(fromOutbox(passwordReset.notification)).execute();
        }
        await trx.insertInto('sessions').values(fromSession(session)).execute();
        await trx
          .updateTable('clients')
          .set({ last_active_session_id: session.id, token_hash: clientTokenHash, updated_at: now })
          .where('id', '=', session.clientId)
          .execute();
        await trx.updateTable('users').set({ failed_attempts: 0, last_sign_in_at: now, updated_at: now }).where('id', '=', session.userId).execute();
        await insertEvents(trx, emit, [['session.created', session.id]]);
        return true;
      });
    },

    async createSignUp(signUp) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sign_ups').values(fromSignUp(signUp)).execute();
        await trx.updateTable('clients').set({ sign_up_id: signUp.id, updated_at: signUp.createdAt }).where('id', '=', signUp.clientId).execute();
      });
    },
    getSignUp,
    async updateSignUp(id, patch) {
      const values = signUpPatch(patch);
      if (!hasValues(values)) return getSignUp(id);
      const row = await db.updateTable('sign_ups').set(values).where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toSignUp(row) : null;
    },
    async completeSignUp({ signUpId, user, emailAddress, externalAccount, session, clientTokenHash, now, emit }) {
      // A unique violation aborts the transaction, so a conflict leaves every table as it was.
      return withConflicts(() =>
        db.transaction().execute(async (trx) => {
          const claimed = await trx
            .updateTable('sign_ups')
            .set({ status: 'complete', created_user_id: user.id, created_session_id: session.id, updated_at: now })
            .where('id', '=', signUpId)
            .where('status', '=', 'missing_requirements')
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) === 0) return false;
          await trx.insertInto('users').values(fromUser(user)).execute();
          if (emailAddress) {
            await trx.insertInto('email_addresses').values(fromEmailAddress(emailAddress)).execute();
            await removeUnverifiedCopies(trx, emailAddress.emailAddress, emailAddress.id);
          }
          if (externalAccount) await trx.insertInto('external_accounts').values(fromExternalAccount(externalAccount, dialect)).execute();
          await trx.insertInto('sessions').values(fromSession(session)).execute();
          await trx
            .updateTable('clients')
            .set({ last_active_session_id: session.id, token_hash: clientTokenHash, updated_at: now })
            .where('id', '=', session.clientId)
            .execute();
          await insertEvents(trx, emit, [['user.created', user.id], ['session.created', session.id]]);
          return true;
        }),
      );
    },
  };
}
