// Database errors reach the log without the values bound to the statement: no CMND/CCCD, no
// name, no form data — but with the SQL text and the PostgreSQL error code an operator needs.
import { DrizzleQueryError } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

const CCCD = '001090000001';
const NAME = 'Nguyễn Văn An';

/** A logger writing into an array, configured like production's. */
function capture() {
  const lines: string[] = [];
  const log = createLogger('info', { write: (s: string) => void lines.push(s) });
  return { log, lines, text: () => lines.join('') };
}

/** What node-postgres raises for a duplicate CCCD, wrapped by Drizzle as it does for every query. */
function duplicateCccdError(): DrizzleQueryError {
  const query = 'insert into "users" ("id", "id_number", "full_name", "form_data") values ($1, $2, $3, $4)';
  const params = ['0190aaaa-0000-7000-8000-000000000001', CCCD, NAME, JSON.stringify({ hoTen: NAME, soDienThoai: '0912345678' })];
  const pgError = new pg.DatabaseError('duplicate key value violates unique constraint "users_id_number_uq"', 200, 'error');
  Object.assign(pgError, {
    severity: 'ERROR',
    code: '23505',
    detail: `Key (id_number)=(${CCCD}) already exists.`,
    schema: 'public',
    table: 'users',
    constraint: 'users_id_number_uq',
    where: `SQL statement "insert into users values ('${CCCD}', '${NAME}')"`,
    file: 'nbtinsert.c',
    routine: '_bt_check_unique',
  });
  (pgError as unknown as { parameters: unknown[] }).parameters = params;
  return new DrizzleQueryError(query, params, pgError);
}

describe('logger: database errors', () => {
  it('writes a failed query without its bound values, keeping the SQL and the error code', () => {
    const { log, lines, text } = capture();
    const err = duplicateCccdError();
    // The values really are on the error: the serializer, not the test, takes them out.
    expect(err.message).toContain(CCCD);
    expect(err.stack).toContain(NAME);

    log.error({ err }, 'request failed');

    expect(lines).toHaveLength(1);
    const line = text();
    expect(line).not.toContain(CCCD);
    expect(line).not.toContain(NAME);
    expect(line).not.toContain('0912345678');
    expect(line).not.toContain('hoTen');
    const entry = JSON.parse(line);
    expect(entry.msg).toBe('request failed');
    expect(entry.err.type).toBe('DrizzleQueryError');
    expect(entry.err.message).toContain('insert into "users" ("id", "id_number", "full_name", "form_data") values ($1, $2, $3, $4)');
    expect(entry.err.query).toBe('insert into "users" ("id", "id_number", "full_name", "form_data") values ($1, $2, $3, $4)');
    expect(entry.err.params).toBeUndefined();
    expect(entry.err.cause).toMatchObject({
      code: '23505',
      constraint: 'users_id_number_uq',
      table: 'users',
      message: 'duplicate key value violates unique constraint "users_id_number_uq"',
      detail: 'Key (id_number)=([redacted]) already exists.',
    });
    expect(entry.err.cause.where).toBeUndefined();
    expect(entry.err.cause.parameters).toBeUndefined();
    // The stack still says where it happened.
    expect(entry.err.stack).toMatch(/\n\s+at /);
  });

  it('strips the values PGlite also copies onto its own error (query, params)', () => {
    const { log, text } = capture();
    const query = 'insert into people values ($1, $2)';
    // The shape PGlite raises (checked against @electric-sql/pglite 0.3): pg's fields plus the
    // statement, its params and options; Drizzle wraps it.
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "people_pkey"'), {
      name: 'error',
      severity: 'ERROR',
      code: '23505',
      detail: `Key (id_number)=(${CCCD}) already exists.`,
      table: 'people',
      constraint: 'people_pkey',
      query,
      params: [CCCD, NAME],
      queryOptions: { paramTypes: [] },
    });
    log.error({ err: new DrizzleQueryError(query, [CCCD, NAME], cause) }, 'request failed');
    const line = text();
    expect(line).not.toContain(CCCD);
    expect(line).not.toContain(NAME);
    const entry = JSON.parse(line);
    expect(entry.err.message).toBe(`Failed query: ${query}\nparams: [redacted]`);
    expect(entry.err.cause).toMatchObject({ code: '23505', query, detail: 'Key (id_number)=([redacted]) already exists.' });
    expect(entry.err.cause.params).toBeUndefined();
  });

  it('hides the value in a failing row and in an invalid-input message, not the names of things', () => {
    const { log, text } = capture();
    const notNull = Object.assign(new pg.DatabaseError('null value in column "phone" of relation "users" violates not-null constraint', 100, 'error'), {
      code: '23502',
      detail: `Failing row contains (0190aaaa-0000-7000-8000-000000000001, ${CCCD}, ${NAME}, null).`,
    });
    const badUuid = Object.assign(new pg.DatabaseError(`invalid input syntax for type uuid: "${CCCD}"`, 100, 'error'), { code: '22P02' });
    log.error({ err: notNull }, 'a');
    log.error({ err: badUuid }, 'b');
    const line = text();
    expect(line).not.toContain(CCCD);
    expect(line).not.toContain(NAME);
    const [a, b] = line.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.err).toMatchObject({ code: '23502', message: 'null value in column "phone" of relation "users" violates not-null constraint', detail: 'Failing row contains ([redacted]).' });
    expect(b.err).toMatchObject({ code: '22P02', message: 'invalid input syntax for type uuid: "[redacted]"' });
  });

  it('walks every cause and drops ID-token claims carried by an error cause', () => {
    const { log, text } = capture();
    const inner = new Error('unexpected JWT "nonce" claim value', { cause: { claim: 'nonce', claims: { sub: 'x', name: NAME, id_number: CCCD } } });
    const outer = new Error('VNeID code exchange failed', { cause: new Error('wrapped', { cause: inner }) });
    log.warn({ err: outer }, 'VNeID code exchange failed');
    const line = text();
    expect(line).not.toContain(CCCD);
    expect(line).not.toContain(NAME);
    const entry = JSON.parse(line);
    expect(entry.err.cause.cause).toMatchObject({ message: 'unexpected JWT "nonce" claim value', cause: { claim: 'nonce' } });
  });
});
