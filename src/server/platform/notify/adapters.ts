import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { devMessages } from '../tables.js';
import type { EmailMessage, EmailPort, SmsMessage, SmsPort } from './ports.js';

/**
 * Production SMS gateway adapter (brandname SMS over HTTP). Contract, documented in
 * docs/integrations.md: POST {url} with JSON {sender, to, message, reference} and
 * `Authorization: Bearer <token>`; any 2xx means accepted; the gateway de-duplicates by reference.
 */
export class HttpSmsAdapter implements SmsPort {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly sender: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}
  async send(msg: SmsMessage): Promise<void> {
    const res = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ sender: this.sender, to: msg.to, message: msg.body, reference: msg.reference }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered HTTP ${res.status}`);
  }
}

export class SmtpEmailAdapter implements EmailPort {
  private readonly transport: Transporter;
  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }
  async send(msg: EmailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: msg.to,
      subject: msg.subject,
      text: msg.body,
      messageId: `<${msg.reference}@dvc>`,
    });
  }
}

/** Dev transports: the message is "delivered" into dev_messages. */
export class DevSmsTransport implements SmsPort {
  constructor(private readonly db: Db, private readonly clock: Clock) {}
  async send(msg: SmsMessage): Promise<void> {
    await this.db.insert(devMessages).values({ id: newId(), channel: 'sms', to: msg.to, subject: null, body: msg.body, createdAt: this.clock.now() });
  }
}

export class DevEmailTransport implements EmailPort {
  constructor(private readonly db: Db, private readonly clock: Clock) {}
  async send(msg: EmailMessage): Promise<void> {
    await this.db.insert(devMessages).values({ id: newId(), channel: 'email', to: msg.to, subject: msg.subject, body: msg.body, createdAt: this.clock.now() });
  }
}
