// The electronic result of a dossier (issue 7): rendered as a PDF with a QR code to its public
// verification page, signed (PAdES) by the step that signs, sealed by the step that seals, and
// put in the citizen's Kho dữ liệu when it is returned. Verification re-checks the signatures of
// the stored file, or of a file someone uploads (docs/decisions/0010-signed-results.md).
// Issue 15: the document follows the official template of its procedure (result-templates.ts) and
// is entered in its register when signed (registers.ts): Số, Quyển số and, at birth registration,
// the child's personal identification number are printed on it.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FormValues } from '../../../common/eform.js';
import { fileVerdict } from '../../../common/signature-verdict.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { putUpload } from '../../platform/files/stored.js';
import { newId } from '../../platform/ids.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { looksLikePdf, qrPng, signPdf, verifyPdf } from '../../platform/signing/index.js';
import { storedFiles } from '../../platform/tables.js';
import { getAgency } from '../agencies/service.js';
import { getForFiling } from '../procedures/service.js';
import type { PreparedResult, ResultHooks } from './processing.js';
import { allocateEntry, entryOfDossier, ISSUES_PIN, pinPrefix, pinProvinceCode, predictEntry, simulatePin, type EntryRequest, type RegisterEntry } from './registers.js';
import { agencySignature, renderApology, renderResult, type ResultData } from './result-pdf.js';
import { resultLayout, type ResultLayout, type TemplateInput } from './result-templates.js';
import { citizenDocuments, dossiers } from './tables.js';

type DossierRow = typeof dossiers.$inferSelect;

export const RESULT_PURPOSE = 'dossier-result';

export function verifyUrl(ctx: Ctx, token: string): string {
  return `${ctx.deps.config.publicUrl.replace(/\/$/, '')}/xac-thuc/${token}`;
}

async function storeResult(tx: DbOrTx, ctx: Ctx, d: DossierRow, pdf: Buffer): Promise<string> {
  const row = await putUpload(ctx, pdf, {
    originalName: `ket-qua-${d.code}.pdf`,
    ext: 'pdf',
    mime: 'application/pdf',
    purpose: RESULT_PURPOSE,
    keyPrefix: 'results',
    uploadedBy: ctx.actor!.userId,
  });
  await tx.insert(storedFiles).values(row);
  return row.id;
}

/** What the result of a dossier says apart from its register entry: read once, rendered again without the database. */
interface ResultBasis {
  input: Omit<TemplateInput, 'entry'>;
  data: Omit<ResultData, keyof ResultLayout>;
  /** The registering province (agencies.province_code), for the personal identification number. */
  provinceCode: string | null;
}

async function resultBasis(ctx: Ctx, d: DossierRow, url: string): Promise<ResultBasis> {
  const db = ctx.deps.db;
  const agency = await getAgency(db, d.agencyId);
  const agencyName = agency?.name ?? '';
  const parent = agency?.parentId ? await getAgency(db, agency.parentId) : null;
  const province = parent?.kind === 'province' ? parent : null;
  const proc = await getForFiling(db, ctx.deps.clock, d.procedureCode).catch(() => null);
  const issuedAt = ctx.deps.clock.now();
  return {
    input: {
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      agencyName,
      provinceName: province?.name ?? null,
      form: proc?.form ?? null,
      values: d.formData as FormValues,
      issuedAt,
    },
    data: {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      agencyName,
      provinceName: province?.name ?? null,
      issuedAt,
      signerTitle: d.procedureCode === '2.000908' ? '' : agencySignature(agencyName).join(' / '),
      signerName: ctx.actor!.fullName,
      verifyUrl: url,
      qrPng: await qrPng(url),
    },
    provinceCode: agency?.provinceCode ?? province?.provinceCode ?? null,
  };
}

function withEntry(b: ResultBasis, entry: RegisterEntry | null): ResultData {
  return { ...b.data, ...resultLayout({ ...b.input, entry }) };
}

/**
 * What the result document of `d` says when the acting officer signs it now (its verification
 * address `url`), entered in its register as `entry`; without one (the leader's preview) it shows
 * no number yet.
 */
export async function resultData(ctx: Ctx, d: DossierRow, url: string, entry: RegisterEntry | null = null): Promise<ResultData> {
  return withEntry(await resultBasis(ctx, d, url), entry);
}

/** The personal identification number the result gives (birth registration): simulated, see registers.ts. */
async function pinFor(ctx: Ctx, d: DossierRow, b: ResultBasis): Promise<string | null> {
  if (!ISSUES_PIN.has(d.procedureCode)) return null;
  const v = d.formData as FormValues;
  const ppp = pinProvinceCode(b.provinceCode);
  return simulatePin(ctx.deps.db, ctx.deps.population, ppp && v.childBirthDate && v.childSex ? pinPrefix(ppp, v.childBirthDate, v.childSex) : null);
}

async function signResult(ctx: Ctx, d: DossierRow, data: ResultData): Promise<Buffer> {
  const { signer } = await ctx.deps.signing();
  return signPdf(await renderResult(data), signer, {
    reason: `Ký kết quả giải quyết hồ sơ ${d.code}`,
    location: data.agencyName,
    name: ctx.actor!.fullName,
  });
}

/** A signed result made outside the transaction, with the register entry it was made with. */
interface Pending {
  basis: ResultBasis;
  request: EntryRequest;
  predicted: RegisterEntry;
}
const pending = new WeakMap<PreparedResult, Pending>();

const sameEntry = (a: RegisterEntry, b: RegisterEntry) => a.book === b.book && a.year === b.year && a.number === b.number && a.volume === b.volume && a.pin === b.pin;

export const resultHooks: ResultHooks = {
  // Called outside the action's transaction (processing.ts act): it reads through the pool, and the
  // dossier's row is not locked while the PDF is rendered and signed. The register number it prints
  // is the one the book will most likely give; `store` takes it for real.
  async prepare(ctx, d, signs) {
    const db = ctx.deps.db;
    const actor = ctx.actor!;
    if (signs === 'seal' && d.resultFileId) {
      const { signer } = await ctx.deps.signing();
      const agencyName = (await getAgency(db, d.agencyId))?.name ?? '';
      // The agency seal: a second signature over the signed document, as an incremental update.
      const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, d.resultFileId));
      const sealed = await signPdf(await ctx.deps.blobs.get(file!.storageKey), signer, {
        reason: `Đóng dấu ${agencyName} lên văn bản ${d.code}`,
        location: agencyName,
        name: `${agencyName} (dấu cơ quan), người đóng dấu: ${actor.fullName}`,
      });
      return { pdf: sealed, set: {} };
    }
    const token = d.verifyToken ?? randomBytes(16).toString('base64url');
    const basis = await resultBasis(ctx, d, verifyUrl(ctx, token));
    const existing = await entryOfDossier(db, d.id);
    const request: EntryRequest = {
      agencyId: d.agencyId,
      dossierId: d.id,
      procedureCode: d.procedureCode,
      now: basis.data.issuedAt,
      pin: existing ? existing.pin : await pinFor(ctx, d, basis),
    };
    const predicted = await predictEntry(db, request);
    const prepared: PreparedResult = { pdf: await signResult(ctx, d, withEntry(basis, predicted)), set: { verifyToken: token } };
    pending.set(prepared, { basis, request, predicted });
    return prepared;
  },

  // Inside the action's transaction: the register number is taken here (no gaps, no duplicates).
  // If another signing took the predicted number meanwhile, the result is rendered and signed again
  // with the number given, from what `prepare` read (no query outside the transaction).
  async store(tx, ctx, d, prepared) {
    const p = pending.get(prepared);
    let pdf = prepared.pdf;
    if (p) {
      const entry = await allocateEntry(tx, p.request);
      if (!sameEntry(entry, p.predicted)) pdf = await signResult(ctx, d, withEntry(p.basis, entry));
      await writeAudit(tx, ctx, {
        action: 'dossier.result_registered',
        entityType: 'dossier',
        entityId: d.id,
        agencyId: d.agencyId,
        after: { book: entry.book, year: entry.year, number: entry.number, volume: entry.volume, pinIssued: entry.pin !== null, pinSource: entry.pinSource },
      });
    }
    return { resultFileId: await storeResult(tx, ctx, d, pdf), ...prepared.set };
  },

  async deliver(tx, _ctx, d) {
    if (!d.resultFileId) return;
    await tx.insert(citizenDocuments).values({
      id: newId(),
      ownerId: d.applicantId,
      title: `Kết quả hồ sơ ${d.code} – ${d.procedureName}`,
      kind: 'result',
      fileId: d.resultFileId,
      dossierId: d.id,
      createdAt: d.updatedAt,
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Downloading and verifying

async function resultFile(db: DbOrTx, fileId: string) {
  const [f] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!f) throw new AppError('RESULT_NOT_READY');
  return f;
}

/** The signed result of a dossier the actor may see (checked by the caller). */
export async function resultPdf(ctx: Ctx, d: DossierRow): Promise<Buffer> {
  if (!d.resultFileId) throw new AppError('RESULT_NOT_READY');
  return ctx.deps.blobs.get((await resultFile(ctx.deps.db, d.resultFileId)).storageKey);
}

/**
 * The checks of one file and the one verdict derived from all of them (common/signature-verdict.ts):
 * `registered` says whether the file is, byte for byte, a result this system issued.
 */
function describeCheck(pdf: Buffer, v: ReturnType<typeof verifyPdf>, registered: boolean) {
  return {
    verdict: fileVerdict({ isPdf: looksLikePdf(pdf), signed: v.signed, signatures: v.signatures, registered }),
    signed: v.signed,
    authentic: v.authentic,
    signatures: v.signatures.map((s) => ({ signerName: s.signerName, signedAt: s.signedAt, reason: s.reason, intact: s.intact, trusted: s.trusted, coversWholeFile: s.coversWholeFile })),
  };
}

/** The public verification page of a result (reached from its QR code). */
export async function verifyByToken(ctx: Ctx, token: string) {
  if (!/^[A-Za-z0-9_-]{10,40}$/.test(token)) throw new AppError('VERIFY_NOT_FOUND');
  const db = ctx.deps.db;
  const [d] = await db.select().from(dossiers).where(eq(dossiers.verifyToken, token));
  if (!d?.resultFileId) throw new AppError('VERIFY_NOT_FOUND');
  const [agency, bytes, { trustedCaPems }] = await Promise.all([getAgency(db, d.agencyId), resultPdf(ctx, d), ctx.deps.signing()]);
  return {
    code: d.code,
    procedureName: d.procedureName,
    agencyName: agency?.name ?? '',
    applicantName: maskName(d.applicantName),
    issuedAt: d.finishedAt?.toISOString() ?? null,
    // The stored file is the registered result itself.
    ...describeCheck(bytes, verifyPdf(bytes, trustedCaPems, ctx.deps.clock.now()), true),
  };
}

export async function resultByToken(ctx: Ctx, token: string): Promise<{ code: string; pdf: Buffer }> {
  if (!/^[A-Za-z0-9_-]{10,40}$/.test(token)) throw new AppError('VERIFY_NOT_FOUND');
  const [d] = await ctx.deps.db.select().from(dossiers).where(eq(dossiers.verifyToken, token));
  if (!d?.resultFileId) throw new AppError('VERIFY_NOT_FOUND');
  return { code: d.code, pdf: await resultPdf(ctx, d) };
}

/** "Nguyễn Văn An" → "Nguyễn V. A.": enough to recognise one's own document, not to read someone else's. */
function maskName(name: string): string {
  const parts = name.split(' ');
  return [parts[0], ...parts.slice(1).map((p) => `${p[0]}.`)].join(' ');
}

/** Checks a PDF someone has: are its signatures intact and trusted, and is it a result this system issued? */
export async function verifyUpload(ctx: Ctx, pdf: Buffer) {
  await enforceRateLimits(ctx.deps.db, [{ key: `verify:ip:${ctx.ip}`, limit: 30, windowSeconds: 300 }], ctx.deps.clock.now());
  const { trustedCaPems } = await ctx.deps.signing();
  const sha = createHash('sha256').update(pdf).digest('hex');
  const [known] = await ctx.deps.db
    .select({ code: dossiers.code, procedureName: dossiers.procedureName })
    .from(storedFiles)
    .innerJoin(dossiers, eq(dossiers.resultFileId, storedFiles.id))
    .where(eq(storedFiles.sha256, sha));
  const check = describeCheck(pdf, verifyPdf(pdf, trustedCaPems, ctx.deps.clock.now()), !!known);
  return { ...check, issuedHere: known ?? null };
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả, for the dossier's latest extension. */
export async function apologyPdf(ctx: Ctx, d: DossierRow, extension: { at: Date; signerName: string | null; reason: string; newDate: string; originalDate: string }) {
  const agency = await getAgency(ctx.deps.db, d.agencyId);
  const province = agency?.parentId ? await getAgency(ctx.deps.db, agency.parentId) : null;
  return renderApology({
    code: d.code,
    procedureName: d.procedureName,
    agencyName: agency?.name ?? '',
    provinceName: province?.kind === 'province' ? province.name : null,
    applicantName: d.applicantName,
    applicantAddress: (d.formData as FormValues).applicantResidence ?? null,
    receivedAt: d.receivedAt ?? d.submittedAt,
    originalDate: extension.originalDate,
    newDate: extension.newDate,
    reason: extension.reason,
    issuedAt: extension.at,
    signerName: extension.signerName,
  });
}
