// "Đăng nhập bằng VNeID": OpenID Connect authorization code flow with PKCE (openid-client).
// start() records state, nonce and PKCE verifier in oidc_login_flows and returns the provider's
// authorization URL; finish() consumes that row once, exchanges the code, and signs the citizen in
// — to the account already linked to this VNeID subject, else to the account with the same
// CMND/CCCD (linked now), else to a new verified account. docs/decisions/0006-vneid-oidc.md.
import { safeReturnPath } from '../../../common/return-path.js';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { cleanText } from '../../../common/text.js';
import { checkIdNumberShape } from '../../../common/vn-ids.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import { createSession, revokeOtherSessions } from '../../platform/auth/sessions.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { wasSelfRegistered } from '../registration/service.js';
import { clearPassword, createAccount, findAccountByIdNumber, findAccountByVneidSub, getUser, linkVneidIdentity, type UserRow } from '../users/service.js';
import { oidcLoginFlows } from './tables.js';

/** The claims the portal needs: standard profile and address, plus VNeID's `cccd`. */
export const VNEID_SCOPE = 'openid profile address cccd';
/** How long a sign-in may take between "Đăng nhập bằng VNeID" and the return from VNeID. */
export const FLOW_TTL_MS = 10 * 60 * 1000;
export const CALLBACK_PATH = '/api/auth/vneid/callback';

/** The redirect_uri registered at VNeID for this portal. */
export function redirectUri(config: Pick<Config, 'publicUrl'>): string {
  return `${config.publicUrl}${CALLBACK_PATH}`;
}

// Discovery once per process and issuer; a failed discovery is forgotten so the next click retries.
const configurations = new Map<string, Promise<oidc.Configuration>>();

function providerConfiguration(deps: Deps): Promise<oidc.Configuration> {
  const { clientId, clientSecret, simulator } = deps.config.vneid;
  const issuer = deps.vneidIssuer;
  const key = `${issuer}\n${clientId}\n${clientSecret}`;
  let found = configurations.get(key);
  if (!found) {
    // Plain http only for the local simulator; the real VNeID is https (openid-client refuses http otherwise).
    const insecure = simulator && issuer.startsWith('http:');
    found = oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
      timeout: 10,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    configurations.set(key, found);
    found.catch(() => configurations.delete(key));
  }
  return found;
}

/** Starts a sign-in; on failure (VNeID unreachable, too many clicks) audits auth.vneid_failed and throws. */
export async function startVneidLogin(ctx: Ctx, returnTo: string | null = null): Promise<{ url: string; state: string; expiresAt: Date }> {
  try {
    return await start(ctx, safeReturnPath(returnTo));
  } catch (err) {
    throw await failed(ctx, err, 'start');
  }
}

async function start(ctx: Ctx, returnTo: string | null): Promise<{ url: string; state: string; expiresAt: Date }> {
  const { db, clock, log } = ctx.deps;
  const now = clock.now();
  // Every click writes a row: bound it per address like the password login.
  await enforceRateLimits(db, [{ key: `vneid:ip:${ctx.ip}`, limit: 60, windowSeconds: 300 }], now);
  let config: oidc.Configuration;
  try {
    config = await providerConfiguration(ctx.deps);
  } catch (err) {
    log.warn({ err, issuer: ctx.deps.vneidIssuer }, 'VNeID discovery failed');
    throw new AppError('VNEID_UNAVAILABLE');
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const expiresAt = new Date(now.getTime() + FLOW_TTL_MS);
  await db.insert(oidcLoginFlows).values({ state, codeVerifier, nonce, returnTo, createdAt: now, expiresAt });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(ctx.deps.config),
    scope: VNEID_SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, state, expiresAt };
}

export interface VneidCallback {
  /** The callback's path and query as received (…/callback?code=…&state=…). */
  url: string;
  /** The flow cookie set by start() in this browser. */
  cookieState: string | undefined;
  userAgent?: string;
}

export interface VneidLoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
  outcome: 'signed_in' | 'linked' | 'created';
  /** The portal path the sign-in started from, if any (checked again before use). */
  returnTo: string | null;
}

/** The person as VNeID describes them, checked and cleaned. */
export interface Claims {
  sub: string;
  cccd: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  permanentAddress: string | null;
}

/**
 * Completes the sign-in. On failure throws AppError with a VNEID_* (or ACCOUNT_INACTIVE) code,
 * after writing an auth.vneid_failed audit row.
 */
export async function finishVneidLogin(ctx: Ctx, cb: VneidCallback): Promise<VneidLoginResult> {
  try {
    return await finish(ctx, cb);
  } catch (err) {
    throw await failed(ctx, err, 'callback');
  }
}

/** Audits a refused sign-in (outside any transaction: nothing else was written) and returns the AppError. */
async function failed(ctx: Ctx, err: unknown, step: 'start' | 'callback'): Promise<AppError> {
  const appErr = err instanceof AppError ? err : new AppError('VNEID_FAILED');
  if (!(err instanceof AppError)) ctx.deps.log.warn({ err, step }, 'VNeID sign-in failed');
  const details = appErr.details ?? {};
  await writeAudit(ctx.deps.db, ctx, {
    action: 'auth.vneid_failed',
    entityType: 'user',
    entityId: typeof details.userId === 'string' ? details.userId : null,
    actorName: typeof details.cccd === 'string' ? details.cccd : null,
    after: { code: appErr.code, ...(step === 'start' ? { step } : {}), ...details },
  });
  return appErr;
}

async function finish(ctx: Ctx, cb: VneidCallback): Promise<VneidLoginResult> {
  const { db, clock } = ctx.deps;
  // The redirect_uri sent to the token endpoint must be the one sent at start, whatever the
  // request's own host: the configured address plus the query VNeID added.
  const query = cb.url.includes('?') ? cb.url.slice(cb.url.indexOf('?')) : '';
  const currentUrl = new URL(redirectUri(ctx.deps.config) + query);
  const state = currentUrl.searchParams.get('state');
  // The flow must have started in this browser (login CSRF), and be used once, within 10 minutes.
  if (!state || !cb.cookieState || cb.cookieState !== state) {
    throw new AppError('VNEID_STATE_INVALID', { details: { reason: !state ? 'no_state' : 'cookie_mismatch' } });
  }
  const flow = await consumeFlow(db, state, clock.now());
  if (!flow) throw new AppError('VNEID_STATE_INVALID', { details: { reason: 'unknown_used_or_expired' } });

  let config: oidc.Configuration;
  try {
    config = await providerConfiguration(ctx.deps);
  } catch {
    throw new AppError('VNEID_UNAVAILABLE');
  }
  let raw: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    // Userinfo as well: a provider may release some claims only there. The ID token wins.
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    raw = { ...userinfo, ...idClaims };
  } catch (err) {
    if (err instanceof oidc.AuthorizationResponseError) {
      const code: ErrorCode = err.error === 'access_denied' ? 'VNEID_DENIED' : 'VNEID_FAILED';
      throw new AppError(code, { details: { providerError: err.error } });
    }
    ctx.deps.log.warn({ err }, 'VNeID code exchange failed');
    throw new AppError('VNEID_FAILED', { details: { reason: 'exchange' } });
  }
  const claims = readClaims(raw);

  return db.transaction(async (tx) => {
    const now = clock.now();
    let user: UserRow | null = await findAccountByVneidSub(tx, claims.sub);
    let outcome: VneidLoginResult['outcome'] = 'signed_in';
    if (!user) {
      const existing = await findAccountByIdNumber(tx, claims.cccd);
      if (existing) {
        const row = await getUser(tx, existing.id);
        if (!row || row.kind !== 'citizen') throw new AppError('VNEID_NOT_CITIZEN', { details: { cccd: claims.cccd, userId: existing.id } });
        if (row.vneidSub && row.vneidSub !== claims.sub) {
          throw new AppError('VNEID_LINK_CONFLICT', { details: { cccd: claims.cccd, userId: row.id } });
        }
        if (row.status !== 'active') throw new AppError('ACCOUNT_INACTIVE', { details: { cccd: claims.cccd, userId: row.id } });
        user = await linkVneidIdentity(tx, ctx, row.id, {
          vneidSub: claims.sub,
          fullName: claims.fullName,
          birthDate: claims.birthDate,
          sex: claims.sex,
          permanentAddress: claims.permanentAddress,
        });
        outcome = 'linked';
        // A self-registered account proved a phone, not the CCCD: whoever registered it may not
        // be this person. Its password and sessions end; the owner sets a new password.
        if (row.passwordHash && (await wasSelfRegistered(tx, row.id))) {
          await clearPassword(tx, ctx, row.id, 'vneid_link_self_registered');
          await revokeOtherSessions(tx, row.id, null, now);
          if (row.phone) {
            await sendSms(
              tx,
              ctx,
              `vneid-link-password:${row.id}`,
              row.phone,
              SMS_TEXTS.vneidLinkedPasswordCleared(),
              { accountId: row.id },
            );
          }
        }
      } else {
        try {
          user = await createAccount(tx, ctx, {
            kind: 'citizen',
            idNumber: claims.cccd,
            fullName: claims.fullName,
            birthDate: claims.birthDate,
            sex: claims.sex,
            permanentAddress: claims.permanentAddress,
            passwordHash: null,
            mustChangePassword: false,
            vneidSub: claims.sub,
            identityVerifiedAt: now,
            identityVerifiedBy: 'vneid',
          });
          outcome = 'created';
        } catch (err) {
          // The same person finishing a first sign-in in another browser at the same moment: that
          // one created the account (this insert waited for it and did nothing), so sign in to it.
          const first = err instanceof AppError && err.code === 'ACCOUNT_ALREADY_EXISTS' ? await findAccountByVneidSub(tx, claims.sub) : null;
          if (!first) throw err;
          user = first;
        }
      }
    }
    if (user.kind !== 'citizen') throw new AppError('VNEID_NOT_CITIZEN', { details: { cccd: claims.cccd, userId: user.id } });
    if (user.status !== 'active') throw new AppError('ACCOUNT_INACTIVE', { details: { cccd: claims.cccd, userId: user.id } });
    const session = await createSession(tx, { userId: user.id, audience: 'citizen', now, ip: ctx.ip, userAgent: cb.userAgent });
    await writeAudit(tx, ctx, {
      action: 'auth.vneid_login',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorName: user.fullName,
      after: { audience: 'citizen', outcome },
    });
    return { token: session.token, expiresAt: session.expiresAt, userId: user.id, outcome, returnTo: safeReturnPath(flow.returnTo) };
  });
}

/** Marks the flow used and returns it, or null when unknown, already used or expired. */
async function consumeFlow(db: Db, state: string, now: Date) {
  const [row] = await db
    .update(oidcLoginFlows)
    .set({ usedAt: now })
    .where(and(eq(oidcLoginFlows.state, state), isNull(oidcLoginFlows.usedAt), gt(oidcLoginFlows.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** The person as the claims describe them; VNEID_IDENTITY_INCOMPLETE without a valid CCCD or a name. */
export function readClaims(raw: Record<string, unknown>): Claims {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? cleanText(v) : null);
  const sub = text(raw.sub);
  const cccd = text(raw.cccd)?.replace(/[\s.]/g, '') ?? null;
  const fullName = text(raw.name);
  const missing = [
    ...(sub ? [] : ['sub']),
    // A 12-digit personal identification number (CCCD) whose province code exists.
    ...(cccd && /^\d{12}$/.test(cccd) && checkIdNumberShape(cccd).ok ? [] : ['cccd']),
    ...(fullName ? [] : ['name']),
  ];
  if (!sub || !cccd || !fullName || missing.length) throw new AppError('VNEID_IDENTITY_INCOMPLETE', { details: { missing } });
  const birthDate = typeof raw.birthdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.birthdate) ? raw.birthdate : null;
  const sex = raw.gender === 'male' || raw.gender === 'female' ? raw.gender : null;
  const address = raw.address as { formatted?: unknown } | undefined;
  return { sub, cccd, fullName, birthDate, sex, permanentAddress: text(address?.formatted) };
}

/** Flows nobody finished: deleted by the hourly clean-up in system.ts. */
export async function pruneLoginFlows(db: Db, now: Date): Promise<void> {
  await db.delete(oidcLoginFlows).where(lt(oidcLoginFlows.expiresAt, now));
}
