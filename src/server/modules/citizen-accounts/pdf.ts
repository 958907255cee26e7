// "Giấy đề nghị tạo tài khoản" (SPEC §1.3): the form the citizen checks and signs at the desk.
import { formatIsoDate, formatVnDateTime } from '../../platform/clock.js';
import { pdfDocument, SHAPING, vnLongDate } from '../../platform/files/pdf.js';
import type { RequestDetail } from './service.js';

export function renderRequestForm(r: RequestDetail, printedAt: Date): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
    info: { Title: 'Giấy đề nghị tạo tài khoản công dân', Author: r.unit.name, Subject: `CMND/CCCD ${r.idNumber}` },
  });

  const width = doc.page.width - 120;
  const left = 60;
  const half = width / 2;

  // Header: unit on the left, national motto on the right.
  const top = doc.y;
  doc.font('bold').fontSize(10).text(r.unit.name.toUpperCase(), left, top, { ...SHAPING, width: half - 10, align: 'center' });
  doc.font('regular').fontSize(9).text(`Mã định danh: ${r.unit.code}`, left, doc.y, { ...SHAPING, width: half - 10, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half, top, { ...SHAPING, width: half, align: 'center' });
  doc.font('bold').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', left + half, doc.y, { ...SHAPING, width: half, align: 'center', underline: true });
  doc.y = Math.max(leftBottom, doc.y) + 24;

  doc.font('bold').fontSize(15).text('GIẤY ĐỀ NGHỊ TẠO TÀI KHOẢN CÔNG DÂN', left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.font('italic').fontSize(10).text('trên Cổng Dịch vụ công', { ...SHAPING, width, align: 'center' });
  doc.moveDown(1.2);
  doc.font('regular').fontSize(11).text(`Kính gửi: ${r.unit.name}`, { ...SHAPING, width });
  doc.moveDown(0.6);
  doc.text('Tôi đề nghị được tạo tài khoản trên Cổng Dịch vụ công với các thông tin sau:', { ...SHAPING, width });
  doc.moveDown(0.6);

  const field = (label: string, value: string) => {
    const y = doc.y;
    doc.font('regular').fontSize(11).text(label, left + 10, y, { ...SHAPING, width: 170 });
    doc.font('bold').fontSize(11).text(value || '—', left + 180, y, { ...SHAPING, width: width - 180 });
    doc.moveDown(0.35);
  };

  doc.font('bold').fontSize(12).text('I. THÔNG TIN CÔNG DÂN', left, doc.y, SHAPING);
  doc.moveDown(0.4);
  field('Số CMND/CCCD:', r.idNumber);
  field('Họ và tên:', r.fullName);
  field('Ngày sinh:', formatIsoDate(r.birthDate));
  field('Số điện thoại:', r.phone);
  field('Email:', r.email ?? '');
  field('Đính kèm CCCD/CMND:', r.attachment ? r.attachment.fileName : '');
  doc.moveDown(0.5);

  doc.font('bold').fontSize(12).text('II. THÔNG TIN CÁN BỘ', left, doc.y, SHAPING);
  doc.moveDown(0.4);
  field('Cán bộ:', r.officer.fullName);
  field('Số điện thoại:', r.officer.phone ?? '');
  field('Đơn vị:', r.unit.name);
  field('Thời gian tạo:', formatVnDateTime(new Date(r.createdAt)));
  doc.moveDown(0.5);

  doc.font('bold').fontSize(12).text('III. CAM KẾT CỦA CÔNG DÂN', left, doc.y, SHAPING);
  doc.moveDown(0.4);
  doc
    .font('regular')
    .fontSize(11)
    .text(
      'Tôi đã kiểm tra các thông tin trên và xác nhận là đúng. Số điện thoại nêu trên là số điện thoại chính chủ của tôi; ' +
        'tôi đồng ý nhận mã OTP và mật khẩu đăng nhập qua tin nhắn tới số điện thoại này và tự chịu trách nhiệm bảo mật tài khoản.',
      left + 10,
      doc.y,
      { ...SHAPING, width: width - 10, align: 'justify' },
    );
  doc.moveDown(1.5);

  const signTop = doc.y;
  doc.font('italic').fontSize(10).text(vnLongDate(printedAt), left + half, signTop, { ...SHAPING, width: half, align: 'center' });
  const sigY = doc.y + 6;
  doc.font('bold').fontSize(11).text('CÁN BỘ TIẾP NHẬN', left, sigY, { ...SHAPING, width: half, align: 'center' });
  doc.font('italic').fontSize(10).text('(Ký, ghi rõ họ tên)', left, doc.y, { ...SHAPING, width: half, align: 'center' });
  doc.font('bold').fontSize(11).text('CÔNG DÂN', left + half, sigY, { ...SHAPING, width: half, align: 'center' });
  doc.font('italic').fontSize(10).text('(Ký, ghi rõ họ tên)', left + half, doc.y, { ...SHAPING, width: half, align: 'center' });
  const nameY = doc.y + 70;
  doc.font('regular').fontSize(11).text(r.officer.fullName, left, nameY, { ...SHAPING, width: half, align: 'center' });
  doc.font('regular').fontSize(11).text(r.fullName, left + half, nameY, { ...SHAPING, width: half, align: 'center' });

  doc.end();
  return done;
}
