// The platform's own clean-ups, on the platform's tables: rate-limit windows, the login throttle
// and delivered outbox messages. app.ts declares them as the "platform" module's schedules.
import { pruneLoginThrottle } from './auth/lockout.js';
import { pruneDeliveredOutbox } from './outbox.js';
import { pruneRateLimits } from './rate-limit.js';
import { HOUR_MS, type Schedule } from './schedules.js';

export const platformSchedules: Schedule[] = [
  { name: 'platform.rate-limits.prune', everyMs: HOUR_MS, run: (deps, now) => pruneRateLimits(deps.db, now) },
  { name: 'platform.login-throttle.prune', everyMs: HOUR_MS, run: (deps, now) => pruneLoginThrottle(deps.db, now) },
  // Delivered messages are kept 30 days (for support questions), failed ones until an operator acts.
  { name: 'platform.outbox.prune-delivered', everyMs: HOUR_MS, run: (deps, now) => pruneDeliveredOutbox(deps.db, now) },
];
