import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from '../deps.ts';

/** Sends through any SMTP server given as a URL (smtp:// or smtps://). Errors propagate so the outbox retries. */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  readonly #from: string;

  constructor(smtpUrl: string, from: string) {
    this.#transport = nodemailer.createTransport(smtpUrl);
    this.#from = from;
  }

  async send(message: MailMessage): Promise<void> {
    await this.#transport.sendMail({ from: this.#from, to: message.to, subject: message.subject, text: message.text, html: message.html });
  }

  close(): void {
    this.#transport.close();
  }
}
