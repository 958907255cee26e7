// What an error thrown anywhere below a route becomes in the answer (app.ts toAppError): a
// problem with a stable code and the right status, never a 500 for what the client sent, and a
// 500 that says nothing for what we did not foresee.
import { describe, expect, it } from 'vitest';
import { toAppError } from './app.js';

/** A node-postgres DatabaseError as pg builds it: code, constraint, and the bound values in detail. */
function pgError(code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('database said no'), { code, ...extra });
}

describe('toAppError', () => {
  it('answers what we did not foresee with INTERNAL (500), whose message says nothing about the cause', () => {
    const e = toAppError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(e.code).toBe('INTERNAL');
    expect(e.status).toBe(500);
    expect(e.message).toContain('Hệ thống gặp lỗi');
    expect(e.message).not.toContain('undefined');
  });

  it('answers a database that is away with 503, however pg or the pool says so', () => {
    for (const err of [
      pgError('57P01'), // terminating connection due to administrator command
      pgError('08006'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('wrapped', { cause: pgError('57P01') }),
    ]) {
      expect(toAppError(err).code).toBe('DATABASE_UNAVAILABLE');
      expect(toAppError(err).status).toBe(503);
    }
  });

  it('answers input the database refuses with a 4xx, never a 500', () => {
    expect(toAppError(pgError('22021')).code).toBe('INVALID_CHARACTERS'); // NUL / invalid UTF-8
    expect(toAppError(pgError('22P05')).code).toBe('INVALID_CHARACTERS');
    expect(toAppError(pgError('22003')).code).toBe('NUMBER_OUT_OF_RANGE');
    for (const code of ['22001', '22007', '22008', '22P02', '23502', '23503', '23514']) expect(toAppError(pgError(code)).status).toBe(400);
  });

  it('answers a race for the same unique value with the conflict the service would have given', () => {
    expect(toAppError(pgError('23505', { constraint: 'users_username_uq' })).code).toBe('USERNAME_TAKEN');
    expect(toAppError(pgError('23505', { constraint: 'users_id_number_uq' })).code).toBe('ACCOUNT_ALREADY_EXISTS');
    expect(toAppError(pgError('23505', { constraint: 'some_other_uq' })).code).toBe('CONFLICT');
    expect(toAppError(pgError('23505', { constraint: 'some_other_uq' })).status).toBe(409);
    expect(toAppError(pgError('40001')).code).toBe('CONFLICT');
  });

  it('keeps the status of a framework 4xx, as a problem with a code', () => {
    expect(toAppError(Object.assign(new Error('too big'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).status).toBe(413);
    expect(toAppError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(toAppError(Object.assign(new Error('x'), { statusCode: 405 })).status).toBe(405);
    expect(toAppError(new Error('Unexpected end of form')).code).toBe('MULTIPART_INVALID');
  });
});
