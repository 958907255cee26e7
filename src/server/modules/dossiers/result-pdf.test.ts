// The electronic result and the apology slip read as the official documents: their text layer
// (pdftotext, poppler-utils) carries the title, Số and Quyển số, every field of the dossier in its
// labelled section, the names with their diacritics, the dates (in words where the template has
// them), the reason and the verification address; the signature and the QR code stay on the page
// of the last content.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../../../../tests/support/pdf.js';
import type { EForm, FormValues } from '../../../common/eform.js';
import { readDataJson } from '../../platform/data-files.js';
import type { RegisterEntry } from './registers.js';
import { renderApology, renderResult, PREVIEW_NOTICE, type ApologyData, type ResultData } from './result-pdf.js';
import { dateInWords, numberInWords, printedFields, resultLayout } from './result-templates.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'result-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function savePdf(pdf: Buffer): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  return file;
}


/** Page 1 rendered to a greyscale image: its width, height and pixel bytes. */
async function rasterize(pdf: Buffer): Promise<{ width: number; height: number; pixels: Buffer }> {
  const file = await savePdf(pdf);
  await run('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', file, file]);
  const pgm = await readFile(`${file}-1.pgm`);
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  return { width: Number(m[1]), height: Number(m[2]), pixels: pgm.subarray(m[0].length) };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

// A QR-looking PNG (finder squares in three corners), encoded here without any image library.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function qrLikePng(modules = 25, scale = 4, blank = false): Buffer {
  const size = modules * scale;
  const dark = (x: number, y: number) => {
    const finder = (fx: number, fy: number) => {
      const dx = x - fx;
      const dy = y - fy;
      if (dx < 0 || dy < 0 || dx > 6 || dy > 6) return null;
      return dx === 0 || dy === 0 || dx === 6 || dy === 6 || (dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4);
    };
    const f = finder(0, 0) ?? finder(modules - 7, 0) ?? finder(0, modules - 7);
    return f ?? (x * 7 + y * 13 + x * y) % 3 === 0;
  };
  const raw = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw[y * (size + 1) + 1 + x] = dark(Math.floor(x / scale), Math.floor(y / scale)) && !blank ? 0 : 255;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const procedures = readDataJson<{ procedures: { code: string; name: string; form: EForm }[] }>('procedures-demo.json').procedures;
const formOf = (code: string) => procedures.find((p) => p.code === code)!.form;

// A birth registration as the demo citizen files it.
const birthValues: FormValues = {
  applicantFullName: 'Nguyễn Thị Hương Giang',
  applicantIdNumber: '051190000123',
  applicantResidence: 'Số 12 đường Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  relationToChild: 'Mẹ',
  childFullName: 'Nguyễn Minh Khang',
  childBirthDate: '2026-11-14',
  childSex: 'Nam',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
  childBirthPlace: 'Bệnh viện Đa khoa tỉnh Quảng Ngãi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  childHometown: 'Xã Tịnh Khê, tỉnh Quảng Ngãi',
  fatherFullName: 'Trần Quốc Đạt',
  fatherBirthDate: '1988-05-02',
  fatherIdNumber: '051088000456',
  fatherEthnicity: 'Kinh',
  fatherNationality: 'Việt Nam',
  fatherResidence: 'Số 12 đường Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  motherFullName: 'Nguyễn Thị Hương Giang',
  motherBirthDate: '1990-08-21',
  motherIdNumber: '051190000123',
  motherEthnicity: 'Kinh',
  motherNationality: 'Việt Nam',
  motherResidence: 'Số 12 đường Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  contactPhone: '0912345678',
};

const entry: RegisterEntry = { book: 'KS', year: 2026, number: 125, volume: '01/2026', pin: '051226000789', pinSource: 'simulated' };
const issuedAt = new Date('2026-12-02T20:30:00Z'); // 03/12/2026 03:30 in Vietnam

function resultOf(procedureCode: string, values: FormValues, over: Partial<ResultData> = {}, e: RegisterEntry | null = entry): ResultData {
  const p = procedures.find((x) => x.code === procedureCode);
  const base = {
    procedureCode,
    procedureName: p?.name ?? 'Thủ tục khác',
    agencyName: 'UBND phường Cẩm Thành',
    provinceName: 'UBND tỉnh Quảng Ngãi',
    issuedAt,
  };
  return {
    ...base,
    ...resultLayout({ ...base, form: p?.form ?? null, values, entry: e }),
    code: '000.01.15.H48-261128-0001',
    signerTitle: procedureCode === '2.000908' ? '' : 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    signerName: 'Lê Thị Thu Hà',
    verifyUrl: 'https://dichvucong.quangngai.gov.vn/xac-thuc/7f3c9a2b',
    qrPng: qrLikePng(),
    ...over,
  };
}
const result = resultOf('1.001193', birthValues);

/** The page (1-based) of the layout text on which `s` is printed. */
async function pageOf(pdf: Buffer, s: string): Promise<number> {
  const pages = pdfText(pdf, 'layout').split('\f');
  return pages.findIndex((p) => collapse(p).includes(s)) + 1;
}

const apology: ApologyData = {
  code: '000.01.15.H48-261128-0001',
  procedureName: 'Đăng ký khai sinh',
  agencyName: 'UBND phường Cẩm Thành',
  provinceName: 'UBND tỉnh Quảng Ngãi',
  applicantName: 'Nguyễn Thị Hương Giang',
  applicantAddress: 'Số 12 đường Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  receivedAt: new Date('2026-11-27T18:30:00Z'), // 28/11/2026 01:30 in Vietnam
  originalDate: '2026-12-03',
  newDate: '2026-12-10',
  // Typed as a sentence of its own: capital letter, final period.
  reason: 'Cần xác minh thông tin nơi sinh với Bệnh viện Đa khoa tỉnh Quảng Ngãi.',
  issuedAt: new Date('2026-12-03T01:00:00Z'),
  signerName: 'Hoàng Minh Đức',
};

/** Every field of the form (but contacts) is printed: dates as dd/mm/yyyy, the rest as typed. */
function expectEveryField(code: string, values: FormValues, flowing: string, skip: Record<string, string> = {}) {
  const form = formOf(code);
  const widgets = new Map(form.layout.flatMap((s) => s.fields.map((f) => [f.name, f.widget] as const)));
  for (const name of printedFields(form)) {
    const v = values[name];
    if (!v) continue;
    const shown = name in skip ? skip[name]! : widgets.get(name) === 'date' ? v.split('-').reverse().join('/') : v;
    expect(flowing, `${name} (${shown})`).toContain(shown);
  }
}

describe('renderResult', { timeout: 30_000 }, () => {
  it('prints the Giấy khai sinh (bản chính): Số, Quyển số, the child, the mother, the father, the PIN, the place and date, the signer, on one page', async () => {
    const pdf = await renderResult(result);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = await pdfText(pdf, 'layout');
    expect(text).toContain('UBND PHƯỜNG CẨM THÀNH');
    // A civil-status paper: the registering agency only, no cơ quan chủ quản, no date under the motto.
    expect(text).not.toContain('UBND TỈNH QUẢNG NGÃI');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Số: 125\s/);
    expect(text).toContain('Quyển số: 01/2026');
    expect(text).toContain('GIẤY KHAI SINH');
    expect(text).toContain('(Bản chính)');
    expect(text).toContain('Mã hồ sơ: 000.01.15.H48-261128-0001');
    const flowing = collapse(await pdfText(pdf, 'raw'));
    // Labelled sections, in the template's order, each name under its own label.
    const order = ['NGƯỜI ĐƯỢC KHAI SINH', 'Họ, chữ đệm, tên: Nguyễn Minh Khang', 'MẸ', 'Họ, chữ đệm, tên người mẹ: Nguyễn Thị Hương Giang', 'CHA', 'Họ, chữ đệm, tên người cha: Trần Quốc Đạt', 'NGƯỜI ĐI ĐĂNG KÝ KHAI SINH'];
    const at = order.map((s) => flowing.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(flowing).toContain('Ngày, tháng, năm sinh: 14/11/2026, ghi bằng chữ: Ngày mười bốn tháng mười một năm hai nghìn không trăm hai mươi sáu');
    expect(flowing).toContain('Số định danh cá nhân: 051226000789');
    expect(flowing).toContain('Nơi đăng ký khai sinh: Ủy ban nhân dân phường Cẩm Thành, tỉnh Quảng Ngãi');
    // Dated in Vietnam time (the instant is still 02/12 in UTC).
    expect(flowing).toContain('Ngày, tháng, năm đăng ký: 03/12/2026');
    expectEveryField('1.001193', birthValues, flowing);
    expect(flowing).not.toContain('0912345678');
    for (const l of ['NGƯỜI KÝ GIẤY KHAI SINH', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Đã ký số)', 'Lê Thị Thu Hà']) expect(text).toContain(l);
    expect(flowing).toContain(
      'Quét mã QR hoặc truy cập https://dichvucong.quangngai.gov.vn/xac-thuc/7f3c9a2b để kiểm tra tính xác thực của văn bản điện tử này.',
    );
  });

  it('wraps very long names and addresses, keeps them whole, and keeps the signature and QR on the page of the content', async () => {
    const long = 'Tổ dân phố số 7, đường Nguyễn Thị Minh Khai kéo dài, khu dân cư Bắc Trần Hưng Đạo, phường Cẩm Thành, tỉnh Quảng Ngãi';
    const values: FormValues = {
      ...birthValues,
      childFullName: 'Công Tôn Nữ Hoàng Thị Ngọc Bảo Châu Minh Nguyệt Thiên Hương Quỳnh Anh',
      motherFullName: 'Tôn Nữ Huyền Trân Thị Kim Ngân Bích Ngọc Phương Thảo Như Quỳnh',
      fatherFullName: 'Nguyễn Phước Bửu Hoàng Long Vĩnh Thụy Bảo Đại Minh Mạng',
      childBirthPlace: `Khoa Sản, Bệnh viện Đa khoa tỉnh Quảng Ngãi, ${long}`,
      childHometown: long,
      fatherResidence: long,
      motherResidence: long,
      applicantResidence: long,
    };
    const pdf = await renderResult(resultOf('1.001193', values));
    expect(pdfPageCount(pdf)).toBe(1);
    const flowing = collapse(await pdfText(pdf, 'raw'));
    expectEveryField('1.001193', values, flowing);
    const page = await pageOf(pdf, 'Lê Thị Thu Hà');
    expect(page).toBe(await pageOf(pdf, 'Nơi đăng ký khai sinh'));
    expect(page).toBe(await pageOf(pdf, 'Quét mã QR'));
  });

  it('continues content that needs two pages, with the last lines, the signature and the QR together on the last page, numbered "Trang 1/2"', async () => {
    const many = Object.fromEntries(Array.from({ length: 58 }, (_, i) => [`Thông tin số ${i + 1}`, `Giá trị thứ ${i + 1} của hồ sơ`]));
    const pdf = await renderResult(resultOf('9.999999', many));
    expect(pdfPageCount(pdf)).toBe(2);
    const pages = (await pdfText(pdf, 'layout')).split('\f');
    expect(pages[0]).toContain('Trang 1/2');
    expect(pages[1]).toContain('Trang 2/2');
    expect(pages[1]).toContain('Giá trị thứ 58 của hồ sơ');
    for (const s of ['Cơ quan giải quyết', 'Lê Thị Thu Hà', '(Đã ký số)', 'Quét mã QR']) expect(pages[1]).toContain(s);
    expect(pages[0]).not.toContain('Lê Thị Thu Hà');
  });

  it('pulls the last content onto the page of the signature rather than leaving the signature alone', async () => {
    // Just enough lines to fill page 1: the signature band does not fit under them.
    let spilled = 0;
    for (const n of [30, 33, 36, 39]) {
      const rows = Object.fromEntries(Array.from({ length: n }, (_, i) => [`Thông tin số ${i + 1}`, `Giá trị thứ ${i + 1}`]));
      const pdf = await renderResult(resultOf('9.999999', rows));
      const signed = await pageOf(pdf, 'Lê Thị Thu Hà');
      expect(signed, `${n} rows`).toBe(await pageOf(pdf, 'Cơ quan giải quyết'));
      expect(signed).toBe(await pageOf(pdf, 'Quét mã QR'));
      if (signed === 2) {
        spilled++;
        expect((await pdfText(pdf, 'layout')).split('\f')[1]).toContain(`Giá trị thứ ${n}`);
      }
    }
    expect(spilled).toBeGreaterThan(0);
  });

  it("shows the leader's preview in the same layout, marked, with no number and no PIN yet", async () => {
    const pdf = await renderResult({ ...resultOf('1.001193', birthValues, {}, null), preview: true });
    expect(pdfPageCount(pdf)).toBe(1);
    const flowing = collapse(await pdfText(pdf, 'raw'));
    expect(flowing).toContain(PREVIEW_NOTICE);
    expect(flowing).toContain('GIẤY KHAI SINH');
    expect(flowing).toContain('Số: (cấp khi ký)');
    expect(flowing).toContain('Quyển số: (cấp khi ký)');
    expect(flowing).toContain('Số định danh cá nhân: (cấp khi ký)');
    expect(flowing).toContain('(Chưa ký)');
    expect(flowing).not.toContain('(Đã ký số)');
    expect(flowing).not.toContain('051226000789');
  });

  it('lays the other demo procedures out after their own templates, every field in its section', async () => {
    const marriage: FormValues = {
      applicantFullName: 'Nguyễn Thị Lan',
      applicantBirthDate: '1996-04-03',
      applicantSex: 'Nữ',
      applicantEthnicity: 'Kinh',
      applicantNationality: 'Việt Nam',
      applicantResidence: 'Thôn An Hòa, xã Tịnh Khê, tỉnh Quảng Ngãi',
      applicantIdNumber: '051196000321',
      applicantMarriageOrdinal: '1',
      partnerFullName: 'Phạm Văn Hùng',
      partnerBirthDate: '1994-09-12',
      partnerEthnicity: 'Hrê',
      partnerNationality: 'Việt Nam',
      partnerResidence: 'Tổ 3, phường Cẩm Thành, tỉnh Quảng Ngãi',
      partnerIdDocument: 'CCCD 051094000654',
      partnerMarriageOrdinal: '2',
    };
    const m = collapse(await pdfText(await renderResult(resultOf('1.000894', marriage, {}, { ...entry, book: 'KH', pin: null, pinSource: null })), 'raw'));
    expect(m).toContain('GIẤY CHỨNG NHẬN KẾT HÔN (Bản chính)');
    // The applicant is the wife: her name under "Vợ", his under "Chồng", the husband first.
    expect(m).toContain('CHỒNG Họ, chữ đệm, tên chồng: Phạm Văn Hùng');
    expect(m).toContain('VỢ Họ, chữ đệm, tên vợ: Nguyễn Thị Lan');
    expect(m).toContain('Số: 125');
    expect(m).toContain('NGƯỜI KÝ GIẤY CHỨNG NHẬN KẾT HÔN');
    expect(m).toContain('Nơi đăng ký: Ủy ban nhân dân phường Cẩm Thành, tỉnh Quảng Ngãi');
    expectEveryField('1.000894', marriage, m, { applicantSex: 'VỢ' });

    const death: FormValues = {
      applicantFullName: 'Trần Văn Bình',
      applicantIdNumber: '051075000111',
      applicantResidence: 'Thôn Phú Lộc, xã Tịnh Khê, tỉnh Quảng Ngãi',
      relationToDeceased: 'Con',
      deceasedFullName: 'Trần Văn Cường',
      deceasedBirthDate: '1941-02-15',
      deceasedSex: 'Nam',
      deceasedEthnicity: 'Kinh',
      deceasedNationality: 'Việt Nam',
      deceasedIdNumber: '051041000222',
      deceasedLastResidence: 'Thôn Phú Lộc, xã Tịnh Khê, tỉnh Quảng Ngãi',
      deathDate: '2026-11-21',
      deathTime: '14:35',
      deathPlace: 'Tại nhà, thôn Phú Lộc, xã Tịnh Khê, tỉnh Quảng Ngãi',
      deathCause: 'Tuổi già',
      deathNoticeNumber: '15/GBT',
      deathNoticeIssuer: 'Trạm Y tế xã Tịnh Khê',
      deathNoticeDate: '2026-11-22',
    };
    const t = collapse(await pdfText(await renderResult(resultOf('1.000656', death, {}, { ...entry, book: 'KT', pin: null, pinSource: null })), 'raw'));
    expect(t).toContain('TRÍCH LỤC KHAI TỬ (Bản chính)');
    expect(t).toContain('NGƯỜI ĐÃ CHẾT');
    expect(t).toContain(
      'Đã chết vào lúc: 14 giờ 35 phút, ngày 21/11/2026 (ghi bằng chữ: mười bốn giờ ba mươi lăm phút, ngày hai mươi mốt tháng mười một năm hai nghìn không trăm hai mươi sáu)',
    );
    expect(t).toContain('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử: số 15/GBT do Trạm Y tế xã Tịnh Khê cấp ngày 22/11/2026');
    expect(t).toContain('NGƯỜI KÝ TRÍCH LỤC');
    expectEveryField('1.000656', death, t, { deathTime: '14 giờ 35 phút' });

    const copy: FormValues = {
      applicantFullName: 'Nguyễn Văn An',
      applicantIdNumber: '001090000001',
      applicantResidence: 'Số 5 phố Hàng Bông, phường Hoàn Kiếm, thành phố Hà Nội',
      relationToSubject: 'Bản thân',
      extractType: 'Trích lục kết hôn',
      subjectFullName: 'Nguyễn Văn An',
      subjectBirthDate: '1990-01-01',
      registrationPlace: 'UBND phường Cẩm Thành, tỉnh Quảng Ngãi',
      registrationDate: '2018-06-09',
      registrationNumber: '45',
      registrationBook: '01/2018',
      copies: '2',
    };
    const c = collapse(await pdfText(await renderResult(resultOf('2.000635', copy, {}, { ...entry, book: 'BSTL', number: 7, pin: null, pinSource: null })), 'raw'));
    expect(c).toContain('TRÍCH LỤC KẾT HÔN (Bản sao)');
    expect(c).toContain('Số: 7');
    expect(c).toContain('Ngày đăng ký: 09/06/2018');
    expectEveryField('2.000635', copy, c);

    const certified: FormValues = {
      applicantFullName: 'Nguyễn Văn An',
      applicantIdNumber: '001090000001',
      applicantResidence: 'Số 5 phố Hàng Bông, phường Hoàn Kiếm, thành phố Hà Nội',
      documentName: 'Bằng tốt nghiệp trung học phổ thông',
      documentIssuer: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi',
      originalCount: '1',
      pageCount: '1',
      copyCount: '3',
    };
    const certifiedPdf = await renderResult(resultOf('2.000908', certified, {}, { ...entry, book: 'SCT/BS', number: 12, pin: null, pinSource: null }));
    const s = collapse(await pdfText(certifiedPdf, 'raw'));
    expect(s).toContain('BẢN SAO ĐIỆN TỬ ĐƯỢC CHỨNG THỰC TỪ BẢN CHÍNH');
    expect(s).toContain('Chứng thực bản sao đúng với bản chính.');
    expect(s).toMatch(/Số chứng thực: 12 +Quyển số: 01\/2026-SCT\/BS/);
    expect(s).toContain('Ngày ba tháng mười hai năm hai nghìn không trăm hai mươi sáu (03/12/2026)');
    expect(s).toContain('NGƯỜI THỰC HIỆN CHỨNG THỰC');
    // An administrative document: under its cơ quan chủ quản, dated at the agency's locality.
    expect(await pdfText(certifiedPdf, 'layout')).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(s).toContain('Cẩm Thành, ngày 03 tháng 12 năm 2026');
    expectEveryField('2.000908', certified, s);
  });

  it('draws the QR image, about 90 pt wide, at the bottom left, beside the signer block', async () => {
    // Render with the QR code and with a blank image of the same size: the pixels that differ are the QR.
    const withQr = await rasterize(await renderResult(result));
    const blank = await rasterize(await renderResult({ ...result, qrPng: qrLikePng(25, 4, true) }));
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
    for (let y = 0; y < withQr.height; y++) {
      for (let x = 0; x < withQr.width; x++) {
        if (Math.abs(withQr.pixels[y * withQr.width + x]! - blank.pixels[y * withQr.width + x]!) > 64) {
          [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
        }
      }
    }
    // At 72 dpi one pixel is one point; the page is 595 × 842 pt with a 56 pt margin.
    expect(minX).toBeGreaterThanOrEqual(55);
    expect(minX).toBeLessThan(60);
    expect(maxX - minX).toBeGreaterThan(80);
    expect(maxX - minX).toBeLessThan(95);
    expect(maxY - minY).toBeGreaterThan(80);
    expect(minY).toBeGreaterThan(withQr.height / 2);
    // Beside the signer: the signer's name is printed at the same height, on the right.
    const layout = (await pdfText(await renderResult(result), 'layout')).split('\n');
    const signerLine = layout.find((l) => l.includes('Lê Thị Thu Hà'))!;
    expect(signerLine.indexOf('Lê Thị Thu Hà')).toBeGreaterThan(signerLine.length / 2);
  });
});

describe('numbers and dates in words', () => {
  it('writes them as the civil-status papers do', () => {
    expect(numberInWords(0)).toBe('không');
    expect(numberInWords(15)).toBe('mười lăm');
    expect(numberInWords(21)).toBe('hai mươi mốt');
    expect(numberInWords(1990)).toBe('một nghìn chín trăm chín mươi');
    expect(numberInWords(2005)).toBe('hai nghìn không trăm linh năm');
    expect(numberInWords(2000)).toBe('hai nghìn');
    expect(dateInWords('2026-04-01')).toBe('Ngày một tháng bốn năm hai nghìn không trăm hai mươi sáu');
  });
});

describe('renderApology', () => {
  it('reads as a letter from the agency, with the dossier, both dates and the reason mid-sentence, signed for the agency', async () => {
    const pdf = await renderApology(apology);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = await pdfText(pdf, 'layout');
    expect(text).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(text).toContain('UBND PHƯỜNG CẨM THÀNH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Cẩm Thành, ngày 03 tháng 12 năm 2026');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hương Giang');
    const flowing = collapse(await pdfText(pdf, 'raw'));
    // Received on 28/11 in Vietnam time although the instant is 27/11 in UTC.
    expect(flowing).toContain(
      'Ngày 28/11/2026, UBND phường Cẩm Thành tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ 000.01.15.H48-261128-0001, thủ tục Đăng ký khai sinh.',
    );
    expect(flowing).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: ngày 03/12/2026.');
    // The reason continues the sentence: lower-case first letter, its own final period not doubled.
    expect(flowing).toContain(
      'chưa trả kết quả giải quyết hồ sơ của Ông/Bà do cần xác minh thông tin nơi sinh với Bệnh viện Đa khoa tỉnh Quảng Ngãi. Sự chậm trễ',
    );
    expect(flowing).toContain('UBND phường Cẩm Thành xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ngày 10/12/2026.');
    expect(flowing).toContain('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.');
    expect(flowing).not.toMatch(/\.\.(?!\/)|\s[.,;:]/u);
    // Signed for the People's Committee by its leader.
    for (const l of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Ký, ghi rõ họ tên, đóng dấu)', 'Hoàng Minh Đức', 'Nơi nhận:']) expect(text).toContain(l);
    expect(text).not.toContain('ĐẠI DIỆN CƠ QUAN');
  });

  it('keeps an acronym or a name that starts the reason, and drops a "Do …" the sentence already has', async () => {
    const acronym = collapse(await pdfText(await renderApology({ ...apology, reason: 'UBND xã Nghĩa Lộ chưa gửi văn bản trả lời xác minh..' }), 'raw'));
    expect(acronym).toContain('của Ông/Bà do UBND xã Nghĩa Lộ chưa gửi văn bản trả lời xác minh. Sự chậm trễ');
    const lead = collapse(await pdfText(await renderApology({ ...apology, reason: 'Do Sở Tư pháp chưa có ý kiến;' }), 'raw'));
    expect(lead).toContain('của Ông/Bà do Sở Tư pháp chưa có ý kiến. Sự chậm trễ');
  });

  it('leaves the name to be written by hand when no single leader signs, and signs a department for its director', async () => {
    const unnamed = await pdfText(await renderApology({ ...apology, signerName: null }), 'layout');
    expect(unnamed).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
    expect(unnamed).not.toContain('Hoàng Minh Đức');
    const dept = await pdfText(await renderApology({ ...apology, agencyName: 'Sở Tư pháp tỉnh Quảng Ngãi', signerName: 'Lê Văn Tâm' }), 'layout');
    for (const l of ['SỞ TƯ PHÁP TỈNH QUẢNG NGÃI', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Văn Tâm']) expect(dept).toContain(l);
    expect(dept).not.toContain('ỦY BAN NHÂN DÂN');
  });
});
