// The floor under the look-up: a bare Fastify + node-postgres process that runs the same SQL as the
// app's look-up (the session statement, then the CMND/CCCD statement, both prepared) with none of
// the app around it — no validation, no error table, no logger, no authorisation rules.
// `npm run bench` measures it beside the real endpoint, so RESULTS.md shows how much of the gap to
// pgbench is the app and how much is HTTP + two round trips on this machine.
//
//   GET /two?idNumber=…  session statement, then look-up statement (what the app does)
//   GET /one?idNumber=…  look-up statement only (what one round trip per request would cost)
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const dbUrl = process.env.DATABASE_URL!;
const port = Number(process.env.PORT ?? 3398);
const pool = new pg.Pool({ connectionString: dbUrl, max: Number(process.env.DB_POOL_SIZE ?? 16) });

// Same text as platform/auth/sessions.ts (resolve_session) and users/service.ts (find by id number).
const RESOLVE = `select s.token_hash, s.audience, u.id, u.kind, u.full_name, u.username, u.phone, u.must_change_password,
  u.permissions, u.unit_ids::text[]
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and u.status = 'active'`;
const LOOKUP = `select id, kind, created_at from users where id_number = $1 limit 1`;

const app = Fastify();

function token(cookie: string | undefined): string {
  const m = /(?:^|;\s*)dvc_session=([^;]+)/.exec(cookie ?? '');
  return createHash('sha256').update(m?.[1] ?? '').digest('hex');
}

app.get<{ Querystring: { idNumber: string } }>('/two', async (req, reply) => {
  const s = await pool.query({ name: 'floor_resolve', text: RESOLVE, values: [token(req.headers.cookie), new Date()] });
  if (s.rowCount === 0) return reply.status(401).send({ code: 'NOT_AUTHENTICATED' });
  const r = await pool.query({ name: 'floor_lookup', text: LOOKUP, values: [req.query.idNumber] });
  return { idNumber: req.query.idNumber, exists: r.rowCount === 1 };
});

app.get<{ Querystring: { idNumber: string } }>('/one', async (req) => {
  const r = await pool.query({ name: 'floor_lookup', text: LOOKUP, values: [req.query.idNumber] });
  return { idNumber: req.query.idNumber, exists: r.rowCount === 1 };
});

app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => pool.end()));
