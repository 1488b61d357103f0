import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; CI installs it (.ci/run). Never a downloaded browser build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
}

/** Reads the newest 6-digit code sent to `to` from the dev mailbox, waiting for the outbox worker. */
export async function latestCode(baseUrl: string, to: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/v1/dev/mailbox?limit=100`);
    const body = (await response.json()) as { data: MailboxMessage[] };
    const messages = body.data.filter((m) => m.to === to);
    const match = messages.at(-1)?.text.match(/\b(\d{6})\b/);
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No code reached ${to} within ${timeoutMs} ms`);
}
