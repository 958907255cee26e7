// Tables owned by the platform: audit, outbox, sessions, rate limits, OTPs, stored files.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    agencyId: uuid('agency_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
    // The audit viewer of a level-1 administrator: rows of the units in their subtree, newest first.
    index('audit_log_agency_at_idx').on(t.agencyId, t.at),
    index('audit_log_actor_at_idx').on(t.actorId, t.at),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    doneAt: ts('done_at'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key_uq').on(t.idempotencyKey),
    index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    check('outbox_status_ck', sql`${t.status} in ('pending', 'done', 'failed')`),
  ],
);

/** Messages delivered by the dev SMS/e-mail transports; shown at /dev/outbox (never in production). */
export const devMessages = pgTable(
  'dev_messages',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull(),
    to: text('to').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('dev_messages_created_idx').on(t.createdAt), check('dev_messages_channel_ck', sql`${t.channel} in ('sms', 'email')`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    audience: text('audience').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    /** The last request seen on the session (kept to the minute): idle sessions end (issue 13). */
    lastSeenAt: ts('last_seen_at').notNull().default(sql`now()`),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), check('sessions_audience_ck', sql`${t.audience} in ('officer', 'citizen')`)],
);

/** Fixed-window counters shared by every process (no in-memory counters once DATABASE_URL is set). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: uuid('id').primaryKey(),
    purpose: text('purpose').notNull(),
    /** What the code proves, e.g. the account request id. */
    subject: text('subject').notNull(),
    /** Where the code went: a phone (SMS) or, for e-mail changes, an address. */
    phone: text('phone'),
    email: text('email'),
    codeHmac: text('code_hmac').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Set when a newer code was sent, when the code was used, or when attempts ran out. */
    closedAt: ts('closed_at'),
    closedReason: text('closed_reason'),
  },
  (t) => [
    index('otp_subject_idx').on(t.purpose, t.subject, t.createdAt),
    check('otp_closed_reason_ck', sql`${t.closedReason} is null or ${t.closedReason} in ('used', 'superseded', 'attempts')`),
  ],
);

export const storedFiles = pgTable('stored_files', {
  id: uuid('id').primaryKey(),
  storageKey: text('storage_key').notNull(),
  originalName: text('original_name').notNull(),
  mime: text('mime').notNull(),
  ext: text('ext').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  purpose: text('purpose').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: ts('created_at').notNull(),
});

/**
 * Failed sign-ins per key (an account identifier or an address): after a few failures the key is
 * locked for a delay that doubles with every further failure. In the database, so it holds across
 * processes.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: ts('locked_until'),
  lastFailureAt: ts('last_failure_at').notNull(),
});

