import type { DevMessageJSON } from '@usher/protocol';
import type { Store } from '@usher/server';

/** The dev mailbox (or SMS box) of the mock instance, read straight from its store. */
export interface UsherMockMailbox {
  /** Every email (or text) "sent" since the last reset, oldest first (seeding emails excluded). */
  list(): Promise<DevMessageJSON[]>;
  /** The 6-digit code of the newest message to `to` (an address or an E.164 number), or null. */
  latestCode(to: string): Promise<string | null>;
  /** Empties the mailbox. */
  clear(): Promise<void>;
}

export function createMailbox(store: () => Store, hidden: ReadonlySet<string>, channel: 'email' | 'sms' = 'email'): UsherMockMailbox {
  const list = async (): Promise<DevMessageJSON[]> => {
    const page = await store().listDevMessages({ channel, limit: 10_000, offset: 0 });
    return page.data
      .filter((m) => !hidden.has(m.id))
      .map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, html: m.html, created_at: m.createdAt }));
  };
  return {
    list,
    async latestCode(to) {
      const wanted = to.trim().toLowerCase();
      const messages = (await list()).filter((m) => m.to.trim().toLowerCase() === wanted);
      for (const message of messages.reverse()) {
        const match = /\b(\d{6})\b/.exec(message.text);
        if (match?.[1]) return match[1];
      }
      return null;
    },
    async clear() {
      await store().clearDevMessages();
    },
  };
}
