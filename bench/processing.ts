// Issue 7: the officers' work list ("Hồ sơ cần xử lý") and workflow transitions, over the
// 1,000,000 dossiers of bench/dossiers.ts. The specialist's and the leader's lists of UBND phường
// Cẩm Thành (about 1/3,300 of the dossiers, half of them in processing), and transitions that move
// dossiers back and forth between the specialist's and the leader's step (forward, send back).
import autocannon from 'autocannon';
import pg from 'pg';
import { signInSession, toMeasured, type Measured } from './measure.js';

const WARD = '000.01.15.H48';
const MOVING = 2000;

export interface ProcessingBench {
  inProcessing: number;
  lists: Measured[];
  listsLight: Measured[];
  transitions: Measured;
  transitioned: number;
}

/** Bench dossiers of the ward in processing: some overdue, some due today, most later; 2,000 at the specialist's step. */
async function prepare(c: pg.Client): Promise<{ ids: string[]; inProcessing: number }> {
  const ward = (await c.query<{ id: string }>(`select id from agencies where code = $1`, [WARD])).rows[0]!.id;
  // Enough dossiers at the ward for a busy commune: move 20,000 bench dossiers there (once).
  await c.query(
    `update dossiers set agency_id = $1
     where id in (select id from dossiers where submission_key like 'bench-%' and agency_id <> $1 order by id limit greatest(0, 20000 - (select count(*) from dossiers where agency_id = $1)))`,
    [ward],
  );
  await c.query(
    `update dossiers set status = 4, step = 'process', step_started_at = now(), paused_at = null,
       appointment_date = current_date + ((abs(hashtext(id::text)) % 8) - 2)
     where id in (select id from dossiers where agency_id = $1 and submission_key like 'bench-%' and status in (2, 4, 5, 6, 9) order by id limit ${MOVING})`,
    [ward],
  );
  const ids = (await c.query<{ id: string }>(`select id from dossiers where agency_id = $1 and status = 4 and step = 'process' and submission_key like 'bench-%' order by id limit ${MOVING}`, [ward])).rows.map(
    (r) => r.id,
  );
  const n = Number((await c.query<{ n: string }>(`select count(*) n from dossiers where agency_id = $1 and status in (2, 4, 5, 6, 9)`, [ward])).rows[0]!.n);
  // As autovacuum would between working days: index-only counts need the visibility map.
  await c.query('vacuum analyze dossiers');
  return { ids, inProcessing: n };
}

export async function measureProcessing(
  base: string,
  dbUrl: string,
  opts: { connections: number; light: number; duration: number },
  log: (m: string) => void,
): Promise<ProcessingBench> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { ids, inProcessing } = await prepare(c);
    log(`work list: ${inProcessing.toLocaleString('en')} dossiers in processing at the ward; ${ids.length} moving between steps`);
    await c.query(`delete from login_throttle`);
    await c.query(`delete from rate_limits where key like 'login%'`);
    const specialist = await signInSession(base, 'officer', 'xuly.demo', 'Demo@2026');
    const leader = await signInSession(base, 'officer', 'lanhdao.demo', 'Demo@2026');

    const lists: [string, string, string][] = [
      ['Hồ sơ cần xử lý: tất cả, khẩn cấp trước (chuyên viên)', specialist.cookie, '/api/work/dossiers?page=1&pageSize=20'],
      ['Hồ sơ cần xử lý: quá hạn (chuyên viên)', specialist.cookie, '/api/work/dossiers?bucket=overdue&page=1&pageSize=20'],
      ['Hồ sơ cần xử lý: tất cả (lãnh đạo)', leader.cookie, '/api/work/dossiers?page=1&pageSize=20'],
    ];
    const run = (cookie: string, path: string, conns: number, seconds = opts.duration) =>
      autocannon({ url: base, connections: conns, duration: seconds, headers: { cookie }, requests: [{ method: 'GET', path }] });
    const measured: Measured[] = [];
    const light: Measured[] = [];
    for (const [name, cookie, path] of lists) {
      await run(cookie, path, opts.connections, 3);
      const m = toMeasured(name, await run(cookie, path, opts.connections));
      const l = toMeasured(name, await run(cookie, path, opts.light));
      log(`${name}: ${m.rps.toFixed(0)} req/s, p95 ${m.p95} ms @${opts.connections}; p95 ${l.p95} ms @${opts.light}; non-2xx ${m.non2xx + l.non2xx}`);
      measured.push(m);
      light.push(l);
    }

    // Transitions: each connection takes a dossier from the pool, moves it one step (the specialist
    // forwards, the leader sends back with a reason), and returns it for the next request.
    type Item = { id: string; at: 'process' | 'approve' };
    const pool: Item[] = ids.map((id) => ({ id, at: 'process' }));
    let moved = 0;
    const transitions = toMeasured(
      'Chuyển bước xử lý (POST /api/work/dossiers/:id/actions/forward | send_back)',
      await autocannon({
        url: base,
        connections: opts.connections,
        duration: opts.duration,
        requests: [
          {
            method: 'POST',
            setupRequest: (req, context) => {
              const item = pool.shift()!;
              (context as { item?: Item }).item = item;
              const who = item.at === 'process' ? specialist : leader;
              return {
                ...req,
                path: `/api/work/dossiers/${item.id}/actions/${item.at === 'process' ? 'forward' : 'send_back'}`,
                headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.token },
                body: JSON.stringify(item.at === 'process' ? {} : { reason: 'Đề nghị kiểm tra lại thông tin (bench).' }),
              };
            },
            onResponse: (status, _body, context) => {
              const item = (context as { item?: Item }).item!;
              if (status === 200) {
                item.at = item.at === 'process' ? 'approve' : 'process';
                moved++;
              }
              pool.push(item);
            },
          },
        ],
      }),
    );
    log(`transitions: ${transitions.rps.toFixed(0)} req/s, p50 ${transitions.p50} ms, p95 ${transitions.p95} ms, non-2xx ${transitions.non2xx}; ${moved} moves`);
    return { inProcessing, lists: measured, listsLight: light, transitions, transitioned: moved };
  } finally {
    await c.end();
  }
}

export function processingSection(p: ProcessingBench, pgbTps: number, connections: number, light: number): string[] {
  return [
    '<!-- processing:start -->',
    '## Xử lý hồ sơ: work list and transitions (issue 7)',
    '',
    `Same 1,000,000 dossiers; UBND phường Cẩm Thành holds 20,000 of them, **${p.inProcessing.toLocaleString('en')} in processing** (statuses 2, 4, 5, 6, 9),`,
    `2,000 at the specialist's step with promised dates from two days ago to five days ahead; the other bench dossiers keep`,
    `their generated dates over the last two years, so most of the ward's list is overdue (a worst case for the counts).`,
    `Sessions: \`xuly.demo\` (specialist),`,
    `\`lanhdao.demo\` (leader). Same-run \`pgbench -S\`: **${pgbTps.toFixed(0)} TPS**.`,
    '',
    `| scenario | req/s @${connections} | share of pgbench -S | p95 @${connections} | p50 @${light} | p95 @${light} | p99 @${light} | non-2xx |`,
    '|---|---|---|---|---|---|---|---|',
    ...p.lists.map((m, i) => {
      const l = p.listsLight[i]!;
      return `| ${m.name} | ${m.rps.toFixed(0)} | ${((m.rps / pgbTps) * 100).toFixed(1)} % | ${m.p95} ms | ${l.p50} ms | ${l.p95} ms | ${l.p99} ms | ${m.non2xx + l.non2xx} |`;
    }),
    '',
    `| transitions | clients | req/s | share of pgbench -S | p50 | p95 | p99 | non-2xx |`,
    '|---|---|---|---|---|---|---|---|',
    `| ${p.transitions.name} | ${connections} | ${p.transitions.rps.toFixed(0)} | ${((p.transitions.rps / pgbTps) * 100).toFixed(1)} % | ${p.transitions.p50} ms | ${p.transitions.p95} ms | ${p.transitions.p99} ms | ${p.transitions.non2xx} |`,
    '',
    `Each transition locks the dossier row, checks the action against the procedure's workflow and the officer's role in the`,
    `dossier's agency, updates it, and writes its history and audit rows in one transaction; ${p.transitioned.toLocaleString('en')} moves in the run.`,
    '<!-- processing:end -->',
    '',
  ];
}
