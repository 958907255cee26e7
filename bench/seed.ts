// Generates realistic volume for the bench inside PostgreSQL (INSERT … SELECT generate_series),
// so a million rows take seconds, not a million round trips.
import pg from 'pg';
import { searchKey } from '../src/common/text.js';

export const BENCH_DESK_SHARE = 0.1;

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
export const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Gia', 'Thu', 'Hoài', 'Xuân'];
export const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai',
  'Minh', 'Nam', 'Nga', 'Ngọc', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Tuấn', 'Tùng', 'Vy', 'Yến', 'Bảo'];

export interface Seeded {
  rows: number;
  deskRows: number;
  seedSeconds: number | null;
  sampleIdNumbers: string[];
  samplePhones: string[];
}

export async function seedBenchData(url: string, rows: number, log: (m: string) => void): Promise<Seeded> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const desk = await c.query<{ id: string }>(`select id from agencies where code = '000.15.15.H48'`);
    const officer = await c.query<{ id: string }>(`select id from users where username = 'motcua.demo'`);
    if (!desk.rows[0] || !officer.rows[0]) throw new Error('demo data missing: start the server with DEMO_DATA=true first');
    const deskId = desk.rows[0].id;
    const officerId = officer.rows[0].id;
    const existing = await c.query<{ n: string }>(`select count(*) as n from citizen_account_requests where province_code = 'BN'`);
    let seedSeconds: number | null = null;
    if (Number(existing.rows[0]!.n) < rows) {
      const t0 = Date.now();
      log(`seeding ${rows.toLocaleString('en')} rows…`);
      await c.query('begin');
      await c.query(`delete from citizen_account_requests where province_code = 'BN'`);
      await c.query(`delete from users where username like 'bench.%' or id_number like '0790%'`);
      await c.query(`delete from agencies where code like '999.%'`);
      await c.query(`
        insert into agencies (id, code, name, name_search, kind, province_code, created_at)
        select gen_random_uuid(), format('999.%s.%s.Z99', lpad((g / 100)::text, 2, '0'), lpad((g % 100)::text, 2, '0')),
               format('Bộ phận Một cửa xã Thử nghiệm %s', g), format('bo phan mot cua xa thu nghiem %s', g), 'one_stop_desk', '51', now()
        from generate_series(1, 199) g`);
      await c.query(`
        insert into users (id, kind, username, full_name, full_name_search, phone, status, issuer, created_at, updated_at)
        select gen_random_uuid(), 'officer', format('bench.%s', g), format('Cán bộ Thử nghiệm %s', g), format('can bo thu nghiem %s', g),
               format('0357%s', lpad(g::text, 6, '0')), 'active', 'PORTAL', now(), now()
        from generate_series(1, 199) g`);
      await c.query(`insert into stored_files (id, storage_key, original_name, mime, ext, size, sha256, purpose, created_at)
        values ('00000000-0000-7000-8000-000000000001', 'bench/none', 'CCCD.pdf', 'application/pdf', 'pdf', 1000, '', 'id-scan', now())
        on conflict do nothing`);
      // Row g: CCCD 0790 yy nnnnnn (Hồ Chí Minh, male, born 19yy), phone 09 + 8 digits.
      await c.query(
        `
        with a as (select array_agg(id order by code) ids from agencies where code like '999.%'),
             o as (select array_agg(id order by username) ids from users where username like 'bench.%'),
             d as (
          select g,
            $1::text[] as fam, $2::text[] as famk, $3::text[] as mid, $4::text[] as midk, $5::text[] as giv, $6::text[] as givk,
            format('0790%s%s', lpad((g % 100)::text, 2, '0'), lpad((g / 100)::text, 6, '0')) as id_number,
            format('09%s', lpad(((g::bigint * 7919) % 100000000)::text, 8, '0')) as phone,
            now() - (g * interval '1 minute') as created_at,
            -- A hash, so names are independent of the unit and of time (g % 10 picks the unit).
            (hashint4(g)::bigint & 2147483647) as h
          from generate_series(1, $7::int) g)
        insert into citizen_account_requests (id, province_code, agency_id, officer_id, id_number, full_name, full_name_search, birth_date,
          phone, attachment_id, status, user_id, created_at, updated_at, completed_at)
        select gen_random_uuid(), 'BN',
          case when g % 10 = 0 then $8::uuid else a.ids[1 + g % 199] end,
          case when g % 10 = 0 then $9::uuid else o.ids[1 + g % 199] end,
          id_number,
          fam[1 + h % 16] || ' ' || mid[1 + (h / 16) % 12] || ' ' || giv[1 + (h / 192) % 34],
          famk[1 + h % 16] || ' ' || midk[1 + (h / 16) % 12] || ' ' || givk[1 + (h / 192) % 34],
          make_date(1900 + g % 100, 1 + g % 12, 1 + g % 28),
          phone, '00000000-0000-7000-8000-000000000001',
          case when g % 50 < 45 then 'completed' when g % 50 < 49 then 'draft' else 'cancelled' end,
          null, created_at, created_at, case when g % 50 < 45 then created_at + interval '5 minutes' end
        from d, a, o`,
        [FAMILY, FAMILY.map(searchKey), MIDDLE, MIDDLE.map(searchKey), GIVEN, GIVEN.map(searchKey), rows, deskId, officerId],
      );
      log('requests inserted; creating the completed accounts…');
      await c.query(`
        insert into users (id, kind, id_number, full_name, full_name_search, birth_date, phone, password_hash, must_change_password,
          status, issuer, created_at, updated_at)
        select gen_random_uuid(), 'citizen', id_number, full_name, full_name_search, birth_date, phone, null, true, 'active', 'PORTAL',
          completed_at, completed_at
        from citizen_account_requests where province_code = 'BN' and status = 'completed'`);
      await c.query(`update citizen_account_requests r set user_id = u.id from users u where r.province_code = 'BN' and r.status = 'completed' and u.id_number = r.id_number`);
      await c.query('commit');
      await c.query('vacuum analyze citizen_account_requests');
      await c.query('vacuum analyze users');
      seedSeconds = (Date.now() - t0) / 1000;
      log(`seeded in ${seedSeconds.toFixed(0)} s`);
    } else {
      log('bench data already present');
    }
    const total = await c.query<{ n: string; desk: string }>(
      `select count(*) n, count(*) filter (where agency_id = $1) desk from citizen_account_requests where province_code = 'BN'`,
      [deskId],
    );
    const sample = await c.query<{ id_number: string; phone: string }>(
      `select id_number, phone from citizen_account_requests where province_code = 'BN' and status = 'completed' and agency_id = $1 order by random() limit 2000`,
      [deskId],
    );
    return {
      rows: Number(total.rows[0]!.n),
      deskRows: Number(total.rows[0]!.desk),
      seedSeconds,
      sampleIdNumbers: sample.rows.map((r) => r.id_number),
      samplePhones: sample.rows.map((r) => r.phone),
    };
  } catch (err) {
    await c.query('rollback').catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}
