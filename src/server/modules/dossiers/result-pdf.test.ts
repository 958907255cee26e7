// The electronic result and the apology slip read as the official documents: their text layer
// (pdftotext, poppler-utils) carries the title, the dossier code, the names with their diacritics,
// every fact, the dates, the reason and the verification address, each on one A4 page.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../../../../tests/support/pdf.js';
import { renderApology, renderResult, type ApologyData, type ResultData } from './result-pdf.js';

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

const birthFacts = [
  { label: 'Họ, chữ đệm, tên người được khai sinh', value: 'Nguyễn Minh Khang' },
  { label: 'Ngày, tháng, năm sinh', value: '14/11/2026 (Ngày mười bốn, tháng mười một, năm hai nghìn không trăm hai mươi sáu)' },
  { label: 'Giới tính', value: 'Nam' },
  { label: 'Dân tộc', value: 'Kinh' },
  { label: 'Quốc tịch', value: 'Việt Nam' },
  { label: 'Nơi sinh', value: 'Bệnh viện Đa khoa tỉnh Quảng Ngãi, phường Cẩm Thành, tỉnh Quảng Ngãi' },
  { label: 'Quê quán', value: 'Xã Tịnh Khê, tỉnh Quảng Ngãi' },
  { label: 'Số định danh cá nhân', value: '051226000789' },
  { label: 'Họ, chữ đệm, tên người mẹ', value: 'Nguyễn Thị Hương Giang' },
  { label: 'Họ, chữ đệm, tên người cha', value: 'Trần Quốc Đạt' },
];

const result: ResultData = {
  code: '000.01.15.H48-261128-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  agencyName: 'UBND phường Cẩm Thành',
  provinceName: 'UBND tỉnh Quảng Ngãi',
  applicantName: 'Nguyễn Thị Hương Giang',
  applicantIdNumber: '051190000123',
  facts: birthFacts,
  title: 'TRÍCH LỤC KHAI SINH (BẢN ĐIỆN TỬ)',
  documentNumber: '125/TLKS-UBND',
  issuedAt: new Date('2026-12-02T20:30:00Z'), // 03/12/2026 03:30 in Vietnam
  signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
  signerName: 'Lê Thị Thu Hà',
  verifyUrl: 'https://dichvucong.quangngai.gov.vn/xac-thuc/7f3c9a2b',
  qrPng: qrLikePng(),
};

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

describe('renderResult', { timeout: 20_000 }, () => {
  it('prints the header, the title, the dossier, every fact, the signer and the verification note on one page', async () => {
    const pdf = await renderResult(result);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = await pdfText(pdf, 'layout');
    expect(text).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(text).toContain('UBND PHƯỜNG CẨM THÀNH');
    expect(text).toContain('Số: 125/TLKS-UBND');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    // Dated in Vietnam time (the instant is still 02/12 in UTC), at the agency's locality.
    expect(text).toContain('Cẩm Thành, ngày 03 tháng 12 năm 2026');
    expect(text).toContain('TRÍCH LỤC KHAI SINH (BẢN ĐIỆN TỬ)');
    expect(text).toContain('Mã hồ sơ: 000.01.15.H48-261128-0001');
    expect(text).toContain('Người yêu cầu: Nguyễn Thị Hương Giang');
    expect(text).toContain('Số định danh cá nhân: 051190000123');
    expect(text).toContain('Đăng ký khai sinh (mã thủ tục 1.001193)');
    for (const l of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Đã ký số)', 'Lê Thị Thu Hà']) expect(text).toContain(l);
    // Long labels and values wrap inside their cells: read them in reading order.
    const flowing = collapse(await pdfText(pdf, 'raw'));
    for (const f of birthFacts) {
      expect(flowing).toContain(f.label);
      expect(flowing).toContain(f.value);
    }
    expect(flowing).toContain(
      'Quét mã QR hoặc truy cập https://dichvucong.quangngai.gov.vn/xac-thuc/7f3c9a2b để kiểm tra tính xác thực của văn bản điện tử này.',
    );
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

  it('keeps twenty facts on one page and continues a longer list on a second page', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ label: `Thông tin số ${i + 1}`, value: `Giá trị thứ ${i + 1} của hồ sơ` }));
    const one = await renderResult({ ...result, facts: twenty });
    expect(pdfPageCount(one)).toBe(1);
    const oneText = await pdfText(one, 'layout');
    expect(oneText).toContain('Giá trị thứ 20 của hồ sơ');
    expect(oneText).toContain('Lê Thị Thu Hà');

    const many = Array.from({ length: 45 }, (_, i) => ({ label: `Thông tin số ${i + 1}`, value: `Giá trị thứ ${i + 1} của hồ sơ` }));
    const two = await renderResult({ ...result, facts: many });
    expect(pdfPageCount(two)).toBe(2);
    const pages = (await pdfText(two, 'layout')).split('\f');
    expect(pages[1]).toContain('Giá trị thứ 45 của hồ sơ');
    expect(pages[1]).toContain('Lê Thị Thu Hà');
    expect(pages[1]).toContain('Trang 2/2');
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
