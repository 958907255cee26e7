// The receipt PDF reads as the official form: its text layer (pdftotext, poppler-utils) carries the
// dossier code, the names with their diacritics, the dates and every document received. Before an
// officer receives an online filing it is a confirmation of the submission, not a Giấy tiếp nhận.
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
  status: 2,
  statusLabel: 'Được tiếp nhận',
  trackingUrl: 'https://dichvucong.quangngai.gov.vn/tra-cuu-ho-so?ma=000.01.15.H48-261128-0001',
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
    expect(text).toContain('https://dichvucong.quangngai.gov.vn/tra-cuu-ho-so?ma=000.01.15.H48-261128-0001');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain('In lúc 28/11/2026 09:10:00');
    expect(text).not.toContain('chờ tiếp nhận');
    // A long document name wraps inside its cell: read it in reading order.
    const flowing = collapse(await pdfText(pdf, 'raw'));
    for (const d of received.documents) expect(flowing).toContain(d.name);
  });

  it('an online filing no officer has received yet is a confirmation of the submission, not a Giấy tiếp nhận', async () => {
    const waiting: ReceiptData = { ...received, channel: 2, receivedAt: null, receivedByName: null, status: 1, statusLabel: 'Mới đăng ký' };
    const pdf = await renderReceipt(waiting, new Date('2026-11-28T02:10:00Z'));
    const text = await pdfText(pdf, 'layout');
    const flowing = collapse(await pdfText(pdf, 'raw'));
    expect(text).toContain('PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN');
    expect(text).not.toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Mã hồ sơ: 000.01.15.H48-261128-0001');
    expect(flowing).toContain('Cổng Dịch vụ công xác nhận hồ sơ dưới đây đã được nộp trực tuyến đến Bộ phận tiếp nhận và trả kết quả UBND phường Cẩm Thành');
    expect(text).toContain('Người nộp hồ sơ: Nguyễn Thị Hương Giang');
    expect(text).toContain('Kênh nộp hồ sơ: Trực tuyến');
    expect(text).toContain('Thời điểm nộp hồ sơ: 09 giờ 05 phút, ngày 28/11/2026');
    expect(text).toContain('Tình trạng hồ sơ: Mới đăng ký');
    expect(text).toContain('1. Thành phần hồ sơ đã nộp gồm:');
    expect(flowing).toContain('3 ngày làm việc, tính từ khi hồ sơ được tiếp nhận');
    // The date is what the system expects, not the agency's appointment.
    expect(text).toContain('3. Ngày trả kết quả dự kiến: ngày 03/12/2026');
    expect(text).not.toContain('Thời gian trả kết quả giải quyết hồ sơ');
    expect(flowing).toContain('Hồ sơ đang chờ Bộ phận tiếp nhận và trả kết quả UBND phường Cẩm Thành kiểm tra và tiếp nhận.');
    expect(flowing).toContain('không thay cho Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    // Nobody has received it: no receiving officer, no signature for the agency.
    expect(text).not.toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).not.toContain('Trần Văn Bình');
    expect(text).not.toMatch(/tiếp nhận hồ sơ của:/);
    // The public "Tra cứu hồ sơ" page, with the code filled in.
    expect(flowing).toContain('Tra cứu tình trạng hồ sơ bằng mã hồ sơ 000.01.15.H48-261128-0001 và 4 số cuối của số điện thoại đã đăng ký');
    expect(text).toContain('https://dichvucong.quangngai.gov.vn/tra-cuu-ho-so?ma=000.01.15.H48-261128-0001');
    for (const doc of received.documents) expect(flowing).toContain(doc.name);

    const noDate = await pdfText(await renderReceipt({ ...waiting, appointmentDate: null, processingDays: 0 }, new Date('2026-11-28T02:10:00Z')), 'layout');
    expect(noDate).toContain('3. Ngày trả kết quả dự kiến: sẽ được thông báo khi hồ sơ được tiếp nhận');
    expect(noDate).toContain('quy định là: trong ngày, tính từ khi hồ sơ được tiếp nhận');
  });

  it('once received, an online filing has the Giấy tiếp nhận with the receiving officer', async () => {
    const pdf = await renderReceipt({ ...received, channel: 2 }, new Date('2026-11-28T02:10:00Z'));
    const text = await pdfText(pdf, 'layout');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).not.toContain('PHIẾU XÁC NHẬN');
    expect(text).toContain('Kênh nộp hồ sơ: Trực tuyến');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: ngày 03/12/2026');
    expect(text).toContain('Trần Văn Bình');
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
