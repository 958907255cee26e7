// 500,000 officer accounts for the "Quản lý người dùng" bench (issue 5), generated inside
// PostgreSQL. 40 % work in the communes of Hà Nội (the 200,000-row Excel export), the rest across
// every other commune; 5 % have no unit yet, 10 % are deactivated, 20 % may create citizen accounts.
import pg from 'pg';
import { searchKey } from '../src/common/text.js';
import { FAMILY, GIVEN, MIDDLE } from './seed.js';

export const OFFICER_ROWS = 500_000;

export interface SeededOfficers {
  officers: number;
  hanoiAgencyId: string;
  hanoiOfficers: number;
  seedSeconds: number | null;
  samplePhones: string[];
  sampleIdNumbers: string[];
  provinceAgencyIds: string[];
}

export async function seedOfficers(url: string, log: (m: string) => void): Promise<SeededOfficers> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const hanoi = await c.query<{ id: string }>(`select id from agencies where kind = 'province' and admin_unit_code = '01'`);
    if (!hanoi.rows[0]) throw new Error('reference agencies missing: start the server first');
    const hanoiId = hanoi.rows[0].id;
    const existing = await c.query<{ n: string }>(`select count(*) n from users where username like 'cb.%'`);
    let seedSeconds: number | null = null;
    if (Number(existing.rows[0]!.n) < OFFICER_ROWS) {
      const t0 = Date.now();
      log(`seeding ${OFFICER_ROWS.toLocaleString('en')} officers…`);
      await c.query('begin');
      // The authz copies (users.unit_ids / permissions) are written here in bulk; the per-row
      // triggers of migration 0007 would only repeat that work half a million times.
      await c.query(`set local session_replication_role = replica`);
      await c.query(`delete from user_units where user_id in (select id from users where username like 'cb.%')`);
      await c.query(`delete from user_permissions where user_id in (select id from users where username like 'cb.%')`);
      await c.query(`delete from users where username like 'cb.%'`);
      await c.query(
        `
        with hn as (select array_agg(id order by code) ids from agencies where parent_id = $7 and kind = 'commune'),
             other as (select array_agg(id order by code) ids from agencies where kind in ('commune', 'one_stop_desk') and parent_id is distinct from $7),
             d as (
          select g, (hashint4(g)::bigint & 2147483647) h,
            $1::text[] fam, $2::text[] famk, $3::text[] mid, $4::text[] midk, $5::text[] giv, $6::text[] givk
          from generate_series(0, ${OFFICER_ROWS - 1}) g)
        insert into users (id, kind, username, id_number, full_name, full_name_search, phone, password_hash, must_change_password,
          status, issuer, created_at, updated_at, permissions, unit_ids)
        select gen_random_uuid(), 'officer', format('cb.%s', g), format('0791%s', lpad(g::text, 8, '0')),
          fam[1 + h % 16] || ' ' || mid[1 + (h / 16) % 12] || ' ' || giv[1 + (h / 192) % 34],
          famk[1 + h % 16] || ' ' || midk[1 + (h / 16) % 12] || ' ' || givk[1 + (h / 192) % 34],
          format('08%s', lpad(((g::bigint * 7919) % 100000000)::text, 8, '0')), null, true,
          case when g % 10 = 3 then 'inactive' else 'active' end, 'PORTAL',
          now() - (g * interval '30 seconds'), now(),
          case when g % 5 = 0 then array['CITIZEN_ACCOUNT_CREATE'] else '{}'::text[] end,
          case when g % 20 = 7 then '{}'::uuid[]
               when g % 5 < 2 then array[hn.ids[1 + (h / 7) % array_length(hn.ids, 1)]]
               else array[other.ids[1 + (h / 7) % array_length(other.ids, 1)]] end
        from d, hn, other`,
        [FAMILY, FAMILY.map(searchKey), MIDDLE, MIDDLE.map(searchKey), GIVEN, GIVEN.map(searchKey), hanoiId],
      );
      await c.query(`insert into user_units (user_id, agency_id, assigned_at)
        select id, unnest(unit_ids), created_at from users where username like 'cb.%'`);
      await c.query(`insert into user_permissions (user_id, permission, granted_at)
        select id, unnest(permissions), created_at from users where username like 'cb.%'`);
      await c.query('commit');
      await c.query('vacuum analyze users');
      await c.query('vacuum analyze user_units');
      seedSeconds = (Date.now() - t0) / 1000;
      log(`officers seeded in ${seedSeconds.toFixed(0)} s`);
    } else {
      log('officers already present');
    }
    const counts = await c.query<{ n: string; hn: string }>(
      `select count(*) n, count(*) filter (where unit_ids && array(select id from agencies where parent_id = $1 or id = $1)) hn
       from users where kind = 'officer'`,
      [hanoiId],
    );
    const sample = await c.query<{ id_number: string; phone: string }>(
      `select id_number, phone from users where username like 'cb.%' order by random() limit 2000`,
    );
    const provinces = await c.query<{ id: string }>(`select id from agencies where kind = 'province' and parent_id is null`);
    return {
      officers: Number(counts.rows[0]!.n),
      hanoiAgencyId: hanoiId,
      hanoiOfficers: Number(counts.rows[0]!.hn),
      seedSeconds,
      samplePhones: sample.rows.map((r) => r.phone),
      sampleIdNumbers: sample.rows.map((r) => r.id_number),
      provinceAgencyIds: provinces.rows.map((r) => r.id),
    };
  } catch (err) {
    await c.query('rollback').catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}
