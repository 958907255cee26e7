// Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies", ADR 0012): after a
// successful sign-in the browser keeps a signed note "this browser has signed in as <account>".
// Attempts that present one are counted in a small bucket of their own, so an attacker elsewhere
// cannot keep the owner out. The cookie grants nothing by itself: the password is always checked.
//
// Value: up to DEVICE_COOKIE_MAX_ENTRIES entries `<userId>.<nonce>.<mac>` joined by "~", newest
// first; mac = HMAC-SHA-256(secret, "dvc-device" ‖ userId ‖ nonce), first 16 bytes, base64url.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'dvc_device';
export const DEVICE_COOKIE_MAX_ENTRIES = 5;
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;
/** Only the sign-in endpoints read it. */
export const DEVICE_COOKIE_PATH = '/api/auth';

export interface DeviceEntry {
  userId: string;
  nonce: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NONCE = /^[A-Za-z0-9_-]{22}$/;
const MAC = /^[A-Za-z0-9_-]{22}$/;

function mac(secret: string, userId: string, nonce: string): Buffer {
  return createHmac('sha256', secret).update(`dvc-device\u0000${userId}\u0000${nonce}`).digest().subarray(0, 16);
}

export function newDeviceNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function signDeviceEntry(secret: string, entry: DeviceEntry): string {
  return `${entry.userId}.${entry.nonce}.${mac(secret, entry.userId, entry.nonce).toString('base64url')}`;
}

/** The entries of a cookie value whose signature holds (others are ignored), one per account. */
export function parseDeviceCookie(secret: string, value: string | undefined): DeviceEntry[] {
  if (!value || value.length > 1024) return [];
  const out: DeviceEntry[] = [];
  for (const part of value.split('~').slice(0, DEVICE_COOKIE_MAX_ENTRIES * 2)) {
    const [userId, nonce, sig, ...rest] = part.split('.');
    if (rest.length || !userId || !nonce || !sig || !UUID.test(userId) || !NONCE.test(nonce) || !MAC.test(sig)) continue;
    const given = Buffer.from(sig, 'base64url');
    const expected = mac(secret, userId, nonce);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) continue;
    if (out.some((e) => e.userId === userId)) continue;
    out.push({ userId, nonce });
    if (out.length === DEVICE_COOKIE_MAX_ENTRIES) break;
  }
  return out;
}

/**
 * The cookie value after a successful sign-in as `userId`: that account's entry first (the same
 * nonce if the browser already had one), then the other valid entries, at most MAX_ENTRIES.
 */
export function rememberDevice(secret: string, value: string | undefined, userId: string, nonce: () => string = newDeviceNonce): string {
  const entries = parseDeviceCookie(secret, value);
  const mine = entries.find((e) => e.userId === userId) ?? { userId, nonce: nonce() };
  return [mine, ...entries.filter((e) => e.userId !== userId)]
    .slice(0, DEVICE_COOKIE_MAX_ENTRIES)
    .map((e) => signDeviceEntry(secret, e))
    .join('~');
}
