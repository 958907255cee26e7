// Ports for messages that leave the system. Production adapters talk to the SMS gateway and SMTP;
// the dev transports store messages in dev_messages, shown at /dev/outbox.

export interface SmsMessage {
  to: string;
  body: string;
  /** Passed to the gateway so a retried delivery is not sent twice. */
  reference: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  reference: string;
}

export interface SmsPort {
  send(msg: SmsMessage): Promise<void>;
}

export interface EmailPort {
  send(msg: EmailMessage): Promise<void>;
}
