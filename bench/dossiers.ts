// Issue 6: online submission throughput and the citizen's "Hồ sơ của tôi" list with 1,000,000
// dossiers in the database. Seeds 200,000 citizens with 5 dossiers each inside PostgreSQL
// (generate_series), signs 200 of them in over HTTP, and drives the real endpoints with autocannon.
import autocannon from 'autocannon';
import pg from 'pg';
import { searchKey } from '../src/common/text.js';
import { signInSession, toMeasured, type Measured } from './measure.js';
import { FAMILY, GIVEN, MIDDLE } from './seed.js';

export const DOSSIER_ROWS = 1_000_000;
const CITIZENS = 200_000;
const SIGNED_IN = 200;
const PROCEDURE = '1.001193';

export interface DossierBench {
  rows: number;
  seedSeconds: number | null;
  list: Measured;
  listLight: Measured;
  submit: Measured;
  submittedRows: number;
  submitAgencies: number;
}

async function seed(c: pg.Client, log: (m: string) => void): Promise<{ seconds: number | null }> {
  const have = Number((await c.query<{ n: string }>(`select count(*) n from dossiers where submission_key like 'bench-%'`)).rows[0]!.n);
  if (have >= DOSSIER_ROWS) {
    log('bench dossiers already present');
    return { seconds: null };
  }
  const t0 = Date.now();
  log(`seeding ${CITIZENS.toLocaleString('en')} citizens with ${DOSSIER_ROWS.toLocaleString('en')} dossiers…`);
  const proc = (await c.query<{ id: string }>(`select id from procedures where code = $1`, [PROCEDURE])).rows[0];
  if (!proc) throw new Error('demo procedures missing');
  await c.query('begin');
  await c.query(`delete from dossiers where submission_key like 'bench-%'`);
  await c.query(`delete from users where id_number like '0792%' and kind = 'citizen'`);
  // Citizens: CCCD 0792 + 8 digits (Hồ Chí Minh, male, born in the 1900s); invented names.
  await c.query(
    `insert into users (id, kind, id_number, full_name, full_name_search, birth_date, phone, status, issuer, created_at, updated_at)
     select gen_random_uuid(), 'citizen', format('0792%s', lpad(g::text, 8, '0')),
            ($1::text[])[1 + g % 16] || ' ' || ($2::text[])[1 + (g / 16) % 12] || ' ' || ($3::text[])[1 + (g / 192) % 34],
            ($4::text[])[1 + g % 16] || ' ' || ($5::text[])[1 + (g / 16) % 12] || ' ' || ($6::text[])[1 + (g / 192) % 34],
            make_date(1950 + g % 50, 1 + g % 12, 1 + g % 28), format('08%s', lpad(g::text, 8, '0')), 'active', 'PORTAL', now(), now()
     from generate_series(1, $7::int) g`,
    [FAMILY, MIDDLE, GIVEN, FAMILY.map(searchKey), MIDDLE.map(searchKey), GIVEN.map(searchKey), CITIZENS],
  );
  // Dossiers: five per citizen over the last two years, at the 3,300+ communes, in every status.
  await c.query(
    `with a as (select array_agg(id order by code) ids, array_agg(code order by code) codes from agencies where kind = 'commune'),
          u as (select id, full_name, id_number, row_number() over (order by id_number) as n from users where id_number like '0792%' and kind = 'citizen'),
          g as (select u.*, k from u, generate_series(1, ${DOSSIER_ROWS / CITIZENS}) k)
     insert into dossiers (id, code, agency_id, procedure_id, procedure_code, procedure_name, processing_days, applicant_id, applicant_name,
       applicant_id_number, channel, status, form_data, provenance, contact_phone, submitted_at, received_at, appointment_date,
       submission_key, created_by, updated_at)
     select gen_random_uuid(),
            format('%s-B%s', a.codes[1 + (g.n * 7 + k) % array_length(a.ids, 1)], lpad((g.n * 10 + k)::text, 10, '0')),
            a.ids[1 + (g.n * 7 + k) % array_length(a.ids, 1)], $1, $2, 'Đăng ký khai sinh', 0, g.id, g.full_name, g.id_number,
            1 + (g.n + k) % 2, 1 + (g.n * 3 + k) % 10,
            jsonb_build_object('applicantFullName', g.full_name, 'childFullName', 'Nguyễn Minh Khang', 'contactPhone', '0912345678'),
            '{}'::jsonb, '0912345678', now() - ((g.n * 5 + k) % 730) * interval '1 day' - k * interval '1 hour', null,
            (now() - ((g.n * 5 + k) % 730) * interval '1 day')::date,
            format('bench-%s-%s', g.n, k), g.id, now()
     from g, a`,
    [proc.id, PROCEDURE],
  );
  await c.query('commit');
  await c.query('vacuum analyze dossiers');
  await c.query('vacuum analyze users');
  const seconds = (Date.now() - t0) / 1000;
  log(`dossiers seeded in ${seconds.toFixed(0)} s`);
  return { seconds };
}

interface Session {
  cookie: string;
  token: string;
  papers: [string, string];
}

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function signIn(base: string, idNumber: string): Promise<Session> {
  const { cookie, token } = await signInSession(base, 'citizen', idNumber, 'Bench@2026');
  const papers: string[] = [];
  for (const name of ['to-khai.pdf', 'giay-chung-sinh.pdf']) {
    const form = new FormData();
    form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), name);
    const up = await fetch(`${base}/api/my/papers`, { method: 'POST', headers: { 'x-csrf-token': token, cookie }, body: form });
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${await up.text()}`);
    papers.push(((await up.json()) as { id: string }).id);
  }
  return { cookie, token, papers: papers as [string, string] };
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

export async function measureDossiers(
  base: string,
  dbUrl: string,
  opts: { connections: number; light: number; duration: number },
  log: (m: string) => void,
): Promise<DossierBench> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { seconds } = await seed(c, log);
    const { hashPassword } = await import('../src/server/platform/auth/password.js');
    const ids = (await c.query<{ id_number: string }>(`select id_number from users where id_number like '0792%' and kind = 'citizen' order by random() limit ${SIGNED_IN}`)).rows.map(
      (r) => r.id_number,
    );
    await c.query(`update users set password_hash = $1, must_change_password = false where id_number = any($2)`, [await hashPassword('Bench@2026'), ids]);
    await c.query(`delete from login_throttle`);
    await c.query(`delete from rate_limits where key like 'login%'`);
    const sessions: Session[] = [];
    for (const id of ids) sessions.push(await signIn(base, id));
    log(`${sessions.length} citizens signed in`);

    const listReq = (): autocannon.Request => ({
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: '/api/my/dossiers?page=1&pageSize=20', headers: { cookie: pick(sessions).cookie } }),
    });
    const runList = (conns: number, seconds = opts.duration) => autocannon({ url: base, connections: conns, duration: seconds, requests: [listReq()] });
    await runList(opts.connections, 3);
    const list = toMeasured('Hồ sơ của tôi (GET /api/my/dossiers, trang 1)', await runList(opts.connections));
    log(`my dossiers: ${list.rps.toFixed(0)} req/s, p50 ${list.p50} ms, p95 ${list.p95} ms, p99 ${list.p99} ms, non-2xx ${list.non2xx}`);
    const listLight = toMeasured(list.name, await runList(opts.light));
    log(`my dossiers @${opts.light}: p50 ${listLight.p50} ms, p95 ${listLight.p95} ms, p99 ${listLight.p99} ms`);

    // Submissions spread over 50 communes, as a province's citizens file at their own commune.
    const agencies = (await c.query<{ id: string }>(`select id from agencies where kind = 'commune' and status = 'active' order by code limit 50`)).rows.map((r) => r.id);
    const before = Number((await c.query<{ n: string }>(`select count(*) n from dossiers`)).rows[0]!.n);
    let n = 0;
    const submitReq: autocannon.Request = {
      method: 'POST',
      setupRequest: (req) => {
        const s = pick(sessions);
        n += 1;
        return {
          ...req,
          path: `/api/filing/${PROCEDURE}/submit`,
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.token },
          body: JSON.stringify({
            agencyId: pick(agencies),
            submissionKey: `run-${Date.now()}-${n}-${Math.random().toString(36).slice(2)}`,
            delivery: { method: 'electronic' },
            documents: [
              { position: 1, fileId: s.papers[0] },
              { position: 2, fileId: s.papers[1] },
            ],
            formData: {
              applicantFullName: 'Nguyễn Văn Thử',
              applicantIdNumber: '079212345678',
              applicantResidence: 'Số 1 đường Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh',
              relationToChild: 'Cha',
              childFullName: 'Nguyễn Minh Khang',
              childBirthDate: '2026-10-30',
              childSex: 'Nam',
              childEthnicity: 'Kinh',
              childNationality: 'Việt Nam',
              childBirthPlace: 'Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh',
              childHometown: 'Xã Phù Đổng, thành phố Hà Nội',
              motherFullName: 'Trần Thị Thử',
              contactPhone: '0912345678',
            },
          }),
        };
      },
    };
    const submit = toMeasured(
      'Nộp hồ sơ trực tuyến (POST /api/filing/:code/submit: kiểm tra biểu mẫu, CSDL dân cư, mã hồ sơ, SMS vào outbox)',
      await autocannon({ url: base, connections: opts.connections, duration: opts.duration, requests: [submitReq] }),
    );
    const after = Number((await c.query<{ n: string }>(`select count(*) n from dossiers`)).rows[0]!.n);
    log(`submit: ${submit.rps.toFixed(0)} req/s, p50 ${submit.p50} ms, p95 ${submit.p95} ms, p99 ${submit.p99} ms, non-2xx ${submit.non2xx}; ${after - before} dossiers created`);
    return { rows: before, seedSeconds: seconds, list, listLight, submit, submittedRows: after - before, submitAgencies: agencies.length };
  } finally {
    await c.end();
  }
}

export function dossierSection(d: DossierBench, pgbTps: number, connections: number, light: number): string[] {
  return [
    '<!-- dossiers:start -->',
    '## Hồ sơ: nộp trực tuyến and "Hồ sơ của tôi" (issue 6)',
    '',
    `Data: **${d.rows.toLocaleString('en')} dossiers** in \`dossiers\` (200,000 citizens × 5, over two years, every status, at the 3,300+ communes)` +
      (d.seedSeconds ? `; seeding took ${d.seedSeconds.toFixed(0)} s.` : '.') +
      ` ${SIGNED_IN} citizens signed in over HTTP; each request picks one of their sessions. Same-run \`pgbench -S\`: **${pgbTps.toFixed(0)} TPS**.`,
    '',
    '| scenario | clients | req/s | share of pgbench -S | p50 | p95 | p99 | errors / non-2xx |',
    '|---|---|---|---|---|---|---|---|',
    ...[
      [d.list, connections],
      [d.listLight, light],
      [d.submit, connections],
    ].map(([m, conns]) => {
      const r = m as Measured;
      return `| ${r.name} | ${conns} | ${r.rps.toFixed(0)} | ${((r.rps / pgbTps) * 100).toFixed(1)} % | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms | ${r.errors} / ${r.non2xx} |`;
    }),
    '',
    `A submission validates the e-form against its JSON Schema, asks the population database (the simulator, over HTTP) for the`,
    `applicant, checks the papers' ownership, takes the commune's daily counter row, and writes the dossier, its papers, its`,
    `history, the audit row and the SMS in one transaction. ${d.submittedRows.toLocaleString('en')} dossiers were created during the`,
    `run, spread over ${d.submitAgencies} communes (each commune's counter row serialises its own submissions only).`,
    '<!-- dossiers:end -->',
    '',
  ];
}
