import type { AppModule } from '../module.js';
import type { Deps } from '../context.js';
import { DevEmailTransport, DevSmsTransport, HttpSmsAdapter, SmtpEmailAdapter } from './adapters.js';
import { notifyJobs } from './jobs.js';
import type { EmailPort, SmsPort } from './ports.js';

/** Picks the SMS and e-mail adapters from the settings and declares the notification jobs. */
export function notifyModule(deps: Deps): AppModule {
  const { sms, email } = deps.config;
  const smsPort: SmsPort =
    sms.transport === 'http' ? new HttpSmsAdapter(sms.httpUrl!, sms.httpToken, sms.sender) : new DevSmsTransport(deps.db, deps.clock);
  const emailPort: EmailPort =
    email.transport === 'smtp' ? new SmtpEmailAdapter(email.smtpUrl!, email.from) : new DevEmailTransport(deps.db, deps.clock);
  return { name: 'notify', jobs: notifyJobs(smsPort, emailPort) };
}
