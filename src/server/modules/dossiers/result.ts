// The electronic result of a dossier (issue 7): rendered as a PDF with a QR code to its public
// verification page, signed (PAdES) by the step that signs, sealed by the step that seals, and
// put in the citizen's Kho dữ liệu when it is returned. Verification re-checks the signatures of
// the stored file, or of a file someone uploads (docs/decisions/0010-signed-results.md).
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { formFields, type EForm, type FormValues } from '../../../common/eform.js';
import { fileVerdict } from '../../../common/signature-verdict.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { putUpload } from '../../platform/files/stored.js';
import { newId } from '../../platform/ids.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { looksLikePdf, qrPng, signPdf, verifyPdf } from '../../platform/signing/index.js';
import { storedFiles } from '../../platform/tables.js';
import { getAgency } from '../agencies/service.js';
import { getForFiling } from '../procedures/service.js';
import type { ResultHooks } from './processing.js';
import { agencySignature, renderApology, renderResult, type ResultData } from './result-pdf.js';
import { citizenDocuments, dossiers } from './tables.js';

type DossierRow = typeof dossiers.$inferSelect;

export const RESULT_PURPOSE = 'dossier-result';

/** What the result document is called, by procedure (the demo catalogue); a generic title otherwise. */
const TITLES: Record<string, string> = {
  '1.001193': 'TRÍCH LỤC KHAI SINH (BẢN ĐIỆN TỬ)',
  '1.000894': 'TRÍCH LỤC KẾT HÔN (BẢN ĐIỆN TỬ)',
  '1.000656': 'TRÍCH LỤC KHAI TỬ (BẢN ĐIỆN TỬ)',
  '2.000635': 'BẢN SAO TRÍCH LỤC HỘ TỊCH (BẢN ĐIỆN TỬ)',
  '2.000908': 'BẢN SAO ĐIỆN TỬ ĐƯỢC CHỨNG THỰC TỪ BẢN CHÍNH',
};

/** The form's filled fields, in form order, as the result's label/value lines (contact details left out). */
function factsOf(form: EForm | null, values: FormValues): { label: string; value: string }[] {
  if (!form) return Object.entries(values).map(([label, value]) => ({ label, value }));
  return formFields(form)
    .filter((f) => !f.name.startsWith('contact') && values[f.name])
    .map((f) => {
      const v = values[f.name]!;
      const value = f.widget === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('/') : v;
      return { label: f.label, value };
    })
    .slice(0, 20);
}

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

/**
 * What the result document of `d` says when the acting officer signs it now (its verification
 * address `url`): the same for the signed result and for the leader's preview.
 */
export async function resultData(ctx: Ctx, d: DossierRow, url: string): Promise<ResultData> {
  const db = ctx.deps.db;
  const agency = await getAgency(db, d.agencyId);
  const agencyName = agency?.name ?? '';
  const province = agency?.parentId ? await getAgency(db, agency.parentId) : null;
  const proc = await getForFiling(db, ctx.deps.clock, d.procedureCode).catch(() => null);
  const certified = d.procedureCode === '2.000908';
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    agencyName,
    provinceName: province?.kind === 'province' ? province.name : null,
    applicantName: d.applicantName,
    applicantIdNumber: d.applicantIdNumber,
    facts: factsOf(proc?.form ?? null, d.formData as FormValues),
    title: TITLES[d.procedureCode] ?? 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    documentNumber: `${d.code.slice(-4)}/${certified ? 'CT' : 'KQ'}-UBND`,
    issuedAt: ctx.deps.clock.now(),
    signerTitle: certified ? 'NGƯỜI THỰC HIỆN CHỨNG THỰC' : agencySignature(agencyName).join(' / '),
    signerName: ctx.actor!.fullName,
    verifyUrl: url,
    qrPng: await qrPng(url),
  };
}

export const resultHooks: ResultHooks = {
  // Called outside the action's transaction (processing.ts act): it reads through the pool, and the
  // dossier's row is not locked while the PDF is rendered and signed.
  async prepare(ctx, d, signs) {
    const db = ctx.deps.db;
    const { signer } = await ctx.deps.signing();
    const actor = ctx.actor!;
    const agency = await getAgency(db, d.agencyId);
    const agencyName = agency?.name ?? '';
    if (signs === 'seal' && d.resultFileId) {
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
    const pdf = await renderResult(await resultData(ctx, d, verifyUrl(ctx, token)));
    const signed = await signPdf(pdf, signer, {
      reason: `Ký kết quả giải quyết hồ sơ ${d.code}`,
      location: agencyName,
      name: actor.fullName,
    });
    return { pdf: signed, set: { verifyToken: token } };
  },

  async store(tx, ctx, d, prepared) {
    return { resultFileId: await storeResult(tx, ctx, d, prepared.pdf), ...prepared.set };
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
