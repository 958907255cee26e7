// The registers a signed result is entered in (issue 15): Sổ đăng ký khai sinh, kết hôn, khai tử
// (Luật Hộ tịch 2014, Thông tư 04/2020/TT-BTP as amended by Thông tư 03/2023/TT-BTP), the book of
// copies of civil-status extracts, the Sổ chứng thực bản sao từ bản chính (Nghị định 23/2015/NĐ-CP),
// and a book of results for every other procedure. Each entry has its Số (number) and Quyển số
// (volume) per issuing agency, per book and per year, without gaps or duplicates: a number is
// taken by incrementing the book's counter row in the transaction that stores the signed result
// (like the dossier codes, codes.ts), so concurrent signings queue on the row and a signing that
// rolls back gives its number back.
//
// The personal identification number (số định danh cá nhân) of a child registered at birth is
// issued, in reality, by the national population database (Bộ Công an) through its link with the
// electronic civil-status database. The population port here (platform/population) only looks
// residents up, so the number is a SIMULATED allocation, marked pin_source = 'simulated': the
// shape of a CCCD (PPP G YY NNNNNN, DOMAIN-NOTES "Identifiers") with the registering province, the
// child's century and sex and birth year, and six random digits that no register entry and no
// resident the population database knows already has.
import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { CCCD_PROVINCE_CODES } from '../../../common/cccd-provinces.js';
import type { PopulationPort } from '../../platform/population/port.js';
import { vnDate } from '../../platform/workdays.js';
import { resultRegisterCounters, resultRegisterEntries } from './tables.js';

/** A register (sổ): its code, as printed after the volume for some books, and its name. */
export interface RegisterBook {
  book: string;
  name: string;
}

const BOOKS: Record<string, RegisterBook> = {
  '1.001193': { book: 'KS', name: 'Sổ đăng ký khai sinh' },
  '1.000894': { book: 'KH', name: 'Sổ đăng ký kết hôn' },
  '1.000656': { book: 'KT', name: 'Sổ đăng ký khai tử' },
  '2.000635': { book: 'BSTL', name: 'Sổ cấp bản sao trích lục hộ tịch' },
  '2.000908': { book: 'SCT/BS', name: 'Sổ chứng thực bản sao từ bản chính' },
};
const RESULTS_BOOK: RegisterBook = { book: 'KQ', name: 'Sổ theo dõi kết quả giải quyết thủ tục hành chính' };

/** The book the result of a procedure is entered in. */
export function bookOf(procedureCode: string): RegisterBook {
  return BOOKS[procedureCode] ?? RESULTS_BOOK;
}

/** The procedures whose result gives the person registered a personal identification number. */
export const ISSUES_PIN: ReadonlySet<string> = new Set(['1.001193']);

/** Số, Quyển số and (birth registration) the personal identification number of one result. */
export interface RegisterEntry {
  book: string;
  year: number;
  number: number;
  /** Quyển số, e.g. "01/2026". */
  volume: string;
  pin: string | null;
  pinSource: 'simulated' | 'population' | null;
}

/** One volume a year per book: "01/2026". */
export function volumeOf(year: number): string {
  return `01/${year}`;
}

export function registerYear(now: Date): number {
  return Number(vnDate(now).slice(0, 4));
}

function entryOf(r: typeof resultRegisterEntries.$inferSelect): RegisterEntry {
  return { book: r.book, year: r.year, number: r.number, volume: r.volume, pin: r.pin, pinSource: r.pinSource as RegisterEntry['pinSource'] };
}

/** The entry a dossier already has (signed before, e.g. sent back and signed again), or null. */
export async function entryOfDossier(db: DbOrTx, dossierId: string): Promise<RegisterEntry | null> {
  const [r] = await db.select().from(resultRegisterEntries).where(eq(resultRegisterEntries.dossierId, dossierId));
  return r ? entryOf(r) : null;
}

export interface EntryRequest {
  agencyId: string;
  dossierId: string;
  procedureCode: string;
  now: Date;
  /** The personal identification number to give, when the procedure gives one. */
  pin: string | null;
}

/**
 * What `allocateEntry` will most likely give, read without a lock (the number after the book's
 * last one): the result is rendered and signed with it outside the action's transaction, and
 * rendered again inside it only if another signing took that number meanwhile.
 */
export async function predictEntry(db: DbOrTx, r: EntryRequest): Promise<RegisterEntry> {
  const existing = await entryOfDossier(db, r.dossierId);
  if (existing) return existing;
  const { book } = bookOf(r.procedureCode);
  const year = registerYear(r.now);
  const [c] = await db
    .select({ last: resultRegisterCounters.last })
    .from(resultRegisterCounters)
    .where(and(eq(resultRegisterCounters.agencyId, r.agencyId), eq(resultRegisterCounters.book, book), eq(resultRegisterCounters.year, year)));
  return { book, year, number: (c?.last ?? 0) + 1, volume: volumeOf(year), pin: r.pin, pinSource: r.pin ? 'simulated' : null };
}

/**
 * Enters the dossier's result in its book: the next number of the agency's book for the year.
 * Must run inside the transaction that stores the signed result (the counter row stays locked
 * until it commits or rolls back). A dossier entered before keeps its entry.
 */
export async function allocateEntry(tx: DbOrTx, r: EntryRequest): Promise<RegisterEntry> {
  const existing = await entryOfDossier(tx, r.dossierId);
  if (existing) return existing;
  const { book } = bookOf(r.procedureCode);
  const year = registerYear(r.now);
  const [row] = rowsOf<{ last: number }>(
    await tx.execute(sql`
      insert into ${resultRegisterCounters} (agency_id, book, year, last) values (${r.agencyId}, ${book}, ${year}, 1)
      on conflict (agency_id, book, year) do update set last = ${resultRegisterCounters}.last + 1
      returning last`),
  );
  const entry: RegisterEntry = { book, year, number: Number(row!.last), volume: volumeOf(year), pin: r.pin, pinSource: r.pin ? 'simulated' : null };
  await tx.insert(resultRegisterEntries).values({ agencyId: r.agencyId, dossierId: r.dossierId, registeredAt: r.now, ...entry });
  return entry;
}

// ---------------------------------------------------------------------------------------------
// The personal identification number (simulated issue, see the top of this file)

/** 3-digit CCCD province code of the registering province (2025 codes are kept pre-2025 codes). */
export function pinProvinceCode(provinceCode: string | null): string | null {
  if (!provinceCode || !/^\d{1,3}$/.test(provinceCode)) return null;
  const ppp = provinceCode.padStart(3, '0');
  return CCCD_PROVINCE_CODES[ppp] ? ppp : null;
}

/** PPP G YY: province, century and sex (0/1 1900s, 2/3 2000s … male/female), last two digits of the birth year. */
export function pinPrefix(ppp: string, birthDate: string, sex: string): string | null {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(birthDate);
  if (!m || !/^\d{3}$/.test(ppp)) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2399) return null;
  const g = Math.floor((year - 1900) / 100) * 2 + (sex === 'Nữ' ? 1 : 0);
  return `${ppp}${g}${String(year % 100).padStart(2, '0')}`;
}

/**
 * A number of that prefix that no register entry has and no resident of the population database
 * has (when it answers): the simulated issue. Null when the data to build one is missing.
 */
export async function simulatePin(db: DbOrTx, population: PopulationPort, prefix: string | null): Promise<string | null> {
  if (!prefix) return null;
  for (let i = 0; i < 20; i++) {
    const pin = `${prefix}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const [taken] = await db.select({ n: resultRegisterEntries.number }).from(resultRegisterEntries).where(eq(resultRegisterEntries.pin, pin));
    if (taken) continue;
    const resident = await population.findByIdNumber(pin).catch(() => null);
    if (!resident) return pin;
  }
  throw new Error('no free personal identification number found');
}
