import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE_MAX_ENTRIES, parseDeviceCookie, rememberDevice, signDeviceEntry } from './device-cookie.js';

const SECRET = 'a'.repeat(64);
const A = '0190f0a2-0000-7000-8000-000000000001';
const B = '0190f0a2-0000-7000-8000-000000000002';
const uuid = (n: number) => `0190f0a2-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('device cookie', () => {
  it('remembers the account a browser signed in to, and reads it back', () => {
    const value = rememberDevice(SECRET, undefined, A);
    expect(value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    const [entry] = parseDeviceCookie(SECRET, value);
    expect(entry?.userId).toBe(A);
  });

  it('keeps the same entry for an account that signs in again, and puts it first', () => {
    const first = rememberDevice(SECRET, undefined, A);
    const both = rememberDevice(SECRET, first, B);
    const again = rememberDevice(SECRET, both, A);
    expect(parseDeviceCookie(SECRET, again).map((e) => e.userId)).toEqual([A, B]);
    expect(parseDeviceCookie(SECRET, again)[0]!.nonce).toBe(parseDeviceCookie(SECRET, first)[0]!.nonce);
  });

  it('keeps at most 5 accounts, dropping the one that signed in longest ago', () => {
    let value: string | undefined;
    for (let i = 1; i <= DEVICE_COOKIE_MAX_ENTRIES + 2; i++) value = rememberDevice(SECRET, value, uuid(i));
    expect(parseDeviceCookie(SECRET, value).map((e) => e.userId)).toEqual([uuid(7), uuid(6), uuid(5), uuid(4), uuid(3)]);
  });

  it('ignores a forged, altered or foreign entry, and garbage', () => {
    const good = rememberDevice(SECRET, undefined, A);
    const [, nonce, mac] = good.split('.');
    // The same signature moved to another account, a changed nonce, another server's secret.
    const moved = `${B}.${nonce}.${mac}`;
    const changedNonce = `${A}.${'B'.repeat(22)}.${mac}`;
    const foreign = signDeviceEntry('b'.repeat(64), { userId: B, nonce: nonce! });
    expect(parseDeviceCookie(SECRET, [moved, changedNonce, foreign].join('~'))).toEqual([]);
    expect(parseDeviceCookie(SECRET, 'x.y.z~~;,')).toEqual([]);
    expect(parseDeviceCookie(SECRET, `${moved}~${good}`).map((e) => e.userId)).toEqual([A]);
    expect(parseDeviceCookie(SECRET, 'a'.repeat(5000))).toEqual([]);
    // Signing in again drops what does not verify.
    expect(rememberDevice(SECRET, `${moved}~garbage`, A).split('~')).toHaveLength(1);
  });
});
