import { useEffect, useState } from 'react';

interface Message {
  id: string;
  to: string;
  subject: string;
  text: string;
  created_at: number;
}

/** Polls one dev box (`/v1/dev/mailbox` or `/v1/dev/sms`) every 2 seconds, newest first. */
function useDevBox(path: string): { messages: Message[] | null; error: string | null } {
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    async function poll() {
      try {
        const response = await fetch(`${path}?order_by=-created_at&limit=100`);
        if (!response.ok) throw new Error(`The dev mailbox answered ${response.status}; is the server running in development mode?`);
        const body = (await response.json()) as { data: Message[] };
        if (!stopped) {
          setMessages(body.data);
          setError(null);
        }
      } catch (e) {
        if (!stopped) setError(e instanceof Error ? e.message : String(e));
      }
    }
    void poll();
    const timer = setInterval(poll, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [path]);
  return { messages, error };
}

/** The development instance keeps every email (and every text message) here instead of sending it. */
export function Mailbox() {
  const { messages, error } = useDevBox('/v1/dev/mailbox');
  const sms = useDevBox('/v1/dev/sms');

  return (
    <section className="card wide" aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">Dev mailbox</h1>
      <p className="muted">Every email and text message the development server sends, newest first. Refreshes every 2 seconds.</p>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {messages === null ? <p role="status">Loading…</p> : null}
      {messages?.length === 0 ? <p>No messages yet. Create an account to receive a verification code.</p> : null}
      <MessageList messages={messages} label={(m) => m.subject} />
      <h2 id="sms-title">Text messages</h2>
      {sms.messages?.length === 0 ? <p className="muted">No text messages yet. Add a phone number in your account (when the instance enables phone numbers).</p> : null}
      <MessageList messages={sms.messages} label={(m) => `Text message to ${m.to}`} aria-labelledby="sms-title" />
    </section>
  );
}

/** One dev box's messages, newest first: each an article named by `label`. */
function MessageList({ messages, label, ...rest }: { messages: Message[] | null; label: (m: Message) => string; 'aria-labelledby'?: string }) {
  return (
    <ol className="mailbox" {...rest}>
      {messages?.map((m) => (
        <li key={m.id}>
          <article aria-label={label(m)}>
            <header>
              {m.subject ? <strong>{m.subject}</strong> : null}
              <span className="muted">to {m.to} · <time dateTime={new Date(m.created_at).toISOString()}>{new Date(m.created_at).toLocaleTimeString()}</time></span>
            </header>
            <pre>{m.text}</pre>
          </article>
        </li>
      ))}
    </ol>
  );
}
