// The receipt PDF reads as the official form: its text layer (pdftotext, poppler-utils) carries the
// dossier code, the names with their diacritics, the dates and every document received.
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../tests/support/pdf.js';
import { renderReceipt, type ReceiptData } from './receipt-pdf.js';

const collapse = (s: string) => s.replace(/\s+/g, ' ');

const received: ReceiptData = {
  code: '000.01.15.H48-261128-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  agencyName: 'UBND phường Cẩm Thành',
  provinceName: 'UBND tỉnh Quảng Ngãi',
  applicantName: 'Nguyễn Thị Hương Giang',
  applicantIdNumber: '051190000123',
  applicantAddress: 'Số 12 đường Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  phone: '0912345678',
  email: 'giang.nguyen@example.vn',
  channel: 1,
  submittedAt: new Date('2026-11-28T02:05:00Z'),
  receivedAt: new Date('2026-11-28T02:07:00Z'), // 09:07 in Vietnam
  appointmentDate: '2026-12-03',
  processingDays: 3,
  receivedByName: 'Trần Văn Bình',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', quantity: '01 bản chính', files: 1 },
    {
      name: 'Giấy chứng sinh; nếu không có: văn bản của người làm chứng xác nhận việc sinh, hoặc giấy cam đoan về việc sinh',
      quantity: '01 bản chính',
      files: 2,
    },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ', quantity: '01 bản sao', files: 0 },
  ],
  statusLabel: 'Được tiếp nhận',
  trackingUrl: 'https://dichvucong.quangngai.gov.vn/tra-cuu-ho-so',
};

describe('renderReceipt', () => {
  it('prints the dossier, the applicant, the procedure, the dates and every document received', async () => {
    const pdf = await renderReceipt(received, new Date('2026-11-28T02:10:00Z'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf, 'layout');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('UBND PHƯỜNG CẨM THÀNH');
    expect(text).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Mã hồ sơ: 000.01.15.H48-261128-0001');
    expect(text).toContain('Ông/Bà: Nguyễn Thị Hương Giang');
    expect(text).toContain('Đăng ký khai sinh (mã thủ tục 1.001193)');
    expect(text).toContain('Kênh nộp hồ sơ: Trực tiếp');
    expect(text).toContain('3 ngày làm việc');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 07 phút, ngày 28/11/2026');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: ngày 03/12/2026');
    expect(text).toContain('https://dichvucong.quangngai.gov.vn/tra-cuu-ho-so');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain('In lúc 28/11/2026 09:10:00');
    expect(text).not.toContain('chờ tiếp nhận');
    // A long document name wraps inside its cell: read it in reading order.
    const flowing = collapse(await pdfText(pdf, 'raw'));
    for (const d of received.documents) expect(flowing).toContain(d.name);
  });

  it('an online dossier not yet received shows the submission time, no appointment and the portal as receiver', async () => {
    const pdf = await renderReceipt(
      { ...received, channel: 2, receivedAt: null, receivedByName: null, appointmentDate: null, processingDays: 0, statusLabel: 'Mới đăng ký' },
      new Date('2026-11-28T02:10:00Z'),
    );
    const text = await pdfText(pdf, 'layout');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 28/11/2026 (nộp trực tuyến, chờ tiếp nhận)');
    expect(text).toContain('Sẽ được thông báo khi hồ sơ được tiếp nhận');
    expect(text).toContain('quy định là: trong ngày');
    expect(text).toContain('Kênh nộp hồ sơ: Trực tuyến');
    expect(collapse(text)).toContain('Hệ thống Cổng Dịch vụ công (tiếp nhận trực tuyến)');
    expect(text).not.toContain('Trần Văn Bình');
  });

  it('a long list of documents continues on a second page with the header row repeated', async () => {
    const documents = Array.from({ length: 30 }, (_, i) => ({ name: `Giấy tờ chứng minh số ${i + 1}`, quantity: '01 bản sao', files: 1 }));
    const pdf = await renderReceipt({ ...received, documents }, new Date('2026-11-28T02:10:00Z'));
    const text = await pdfText(pdf, 'layout');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBe(2);
    expect(pages[1]).toContain('Tên giấy tờ');
    expect(pages[1]).toContain('Giấy tờ chứng minh số 30');
    expect(pages[1]).toContain('Trang 2/2');
  });
});
