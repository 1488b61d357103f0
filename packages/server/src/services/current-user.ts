import { UsherError } from '../errors.ts';
import type { SessionRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import type { Runtime } from './runtime.ts';
import { currentSession } from './sessions.ts';

export interface Me {
  session: SessionRecord;
  user: UserRecord;
}

/** The signed-in user of this request's session (see currentSession), or 401. */
export async function getMe(rt: Runtime, ctx: ClientContext, requestedSessionId: string | null): Promise<Me> {
  const session = await currentSession(rt, ctx, requestedSessionId);
  const user = await rt.store.getUser(session.userId);
  if (!user) throw new UsherError('authentication_invalid');
  return { session, user };
}
