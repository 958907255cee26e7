// "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (Mẫu số 01, Thông tư 01/2018/TT-VPCP): what the desk
// hands the citizen, or the citizen prints after filing online, for one dossier.
import { CHANNEL, CHANNEL_LABELS } from '../../../common/dossier-status.js';
import { formatIsoDate, formatVnDateTime } from '../../platform/clock.js';
import { pdfDocument, SHAPING, vnLongDate } from '../../platform/files/pdf.js';

export interface ReceiptData {
  /** Mã hồ sơ, e.g. 000.01.15.H48-261128-0001. */
  code: string;
  procedureCode: string;
  procedureName: string;
  /** Cơ quan tiếp nhận, e.g. "UBND phường Cẩm Thành". */
  agencyName: string;
  /** Cơ quan chủ quản for the header, e.g. "UBND tỉnh Quảng Ngãi". */
  provinceName: string | null;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantAddress: string | null;
  phone: string | null;
  email: string | null;
  channel: 1 | 2 | 3;
  /** Thời điểm nộp. */
  submittedAt: Date;
  /** Null while an online dossier waits for an officer to receive it. */
  receivedAt: Date | null;
  /** Hẹn trả kết quả, YYYY-MM-DD, already counted in working days. */
  appointmentDate: string | null;
  /** 0 = trong ngày. */
  processingDays: number;
  receivedByName: string | null;
  /** Thành phần hồ sơ received. */
  documents: { name: string; quantity: string; files: number }[];
  statusLabel: string;
  /** Where the citizen can look the dossier up. */
  trackingUrl: string;
}

const MARGIN = 56;
const BLANK = '—';

function upper(s: string): string {
  return s.toLocaleUpperCase('vi-VN').normalize('NFC');
}

/** "09 giờ 05 phút, ngày 28/11/2026", in Vietnam time. */
function vnHourMinuteDay(d: Date): string {
  const s = formatVnDateTime(d); // dd/MM/yyyy HH:mm:ss
  return `${s.slice(11, 13)} giờ ${s.slice(14, 16)} phút, ngày ${s.slice(0, 10)}`;
}

export function renderReceipt(d: ReceiptData, printedAt: Date): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    margins: { top: 44, bottom: 56, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', Author: d.agencyName, Subject: `Mã hồ sơ ${d.code}` },
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const leftCol = width * 0.45;
  const rightCol = width - leftCol;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;
  const waitingOnline = d.receivedAt === null;

  // Header: cơ quan chủ quản / cơ quan / bộ phận on the left, national motto on the right.
  const top = doc.y;
  if (d.provinceName) {
    doc.font('regular').fontSize(10).text(upper(d.provinceName), left, top, { ...SHAPING, width: leftCol, align: 'center' });
  }
  doc.font('bold').fontSize(10).text(upper(d.agencyName), left, doc.y, { ...SHAPING, width: leftCol, align: 'center' });
  doc.font('bold').fontSize(10).text('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', left, doc.y, { ...SHAPING, width: leftCol, align: 'center' });
  const ruleY = doc.y + 5;
  doc.moveTo(left + leftCol / 2 - 30, ruleY).lineTo(left + leftCol / 2 + 30, ruleY).lineWidth(0.6).stroke();
  doc.font('regular').fontSize(10).text(`Mã hồ sơ: ${d.code}`, left, ruleY + 6, { ...SHAPING, width: leftCol, align: 'center' });
  const leftBottom = doc.y;

  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + leftCol, top, { ...SHAPING, width: rightCol, align: 'center' });
  doc.font('bold').fontSize(10.5).text('Độc lập - Tự do - Hạnh phúc', left + leftCol, doc.y, { ...SHAPING, width: rightCol, align: 'center' });
  const mottoRuleY = doc.y + 5;
  const mottoMid = left + leftCol + rightCol / 2;
  doc.moveTo(mottoMid - 72, mottoRuleY).lineTo(mottoMid + 72, mottoRuleY).lineWidth(0.6).stroke();
  doc
    .font('italic')
    .fontSize(10)
    .text(vnLongDate(d.receivedAt ?? d.submittedAt), left + leftCol, mottoRuleY + 6, { ...SHAPING, width: rightCol, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 20;

  doc.font('bold').fontSize(14).text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.moveDown(0.8);

  const body = (text: string, opts: { indent?: number; gap?: number } = {}) => {
    doc.font('regular').fontSize(11).text(text, left + (opts.indent ?? 0), doc.y, { ...SHAPING, width: width - (opts.indent ?? 0), align: 'justify' });
    doc.moveDown(opts.gap ?? 0.25);
  };
  /** "Label: value" on one line (wrapping as needed), the value in bold. */
  const line = (label: string, value: string | null, indent = 0) => {
    doc
      .font('regular')
      .fontSize(11)
      .text(`${label}: `, left + indent, doc.y, { ...SHAPING, width: width - indent, continued: true })
      .font('bold')
      .text(value && value.trim() !== '' ? value : BLANK, { ...SHAPING, width: width - indent });
    doc.moveDown(0.25);
  };

  body(`Bộ phận tiếp nhận và trả kết quả ${d.agencyName} tiếp nhận hồ sơ của:`);
  line('Ông/Bà', d.applicantName, 16);
  line('Số định danh cá nhân', d.applicantIdNumber, 16);
  line('Địa chỉ', d.applicantAddress, 16);
  line('Số điện thoại', d.phone, 16);
  line('Email', d.email, 16);
  line('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
  line('Kênh nộp hồ sơ', CHANNEL_LABELS[d.channel]);
  line('Tình trạng hồ sơ', d.statusLabel);
  doc.moveDown(0.3);

  // 1. Thành phần hồ sơ: a numbered table.
  doc.font('bold').fontSize(11).text('1. Thành phần hồ sơ nộp gồm:', left, doc.y, SHAPING);
  doc.moveDown(0.3);
  const cols = [
    { title: 'STT', width: 34, align: 'center' as const },
    { title: 'Tên giấy tờ', width: width - 34 - 92 - 52, align: 'left' as const },
    { title: 'Số lượng', width: 92, align: 'center' as const },
    { title: 'Số tệp', width: 52, align: 'center' as const },
  ];
  const pad = 4;
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(10);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { ...SHAPING, width: cols[i]!.width - 2 * pad, align: cols[i]!.align }))) + 2 * pad;
    if (doc.y + height > bottomLimit()) {
      doc.addPage();
      if (font === 'regular') drawRow(cols.map((c) => c.title), 'bold');
      doc.font(font).fontSize(10);
    }
    const y = doc.y;
    let x = left;
    for (const [i, c] of cols.entries()) {
      doc.rect(x, y, c.width, height).lineWidth(0.5).stroke();
      doc.text(cells[i]!, x + pad, y + pad, { ...SHAPING, width: c.width - 2 * pad, align: c.align });
      x += c.width;
    }
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(
    cols.map((c) => c.title),
    'bold',
  );
  if (d.documents.length === 0) {
    drawRow(['', 'Không có giấy tờ kèm theo.', '', ''], 'regular');
  }
  d.documents.forEach((item, i) => drawRow([String(i + 1), item.name, item.quantity, item.files > 0 ? String(item.files) : BLANK], 'regular'));
  doc.moveDown(0.6);

  const numbered = (label: string, value: string) => line(label, value);
  numbered('2. Số lượng hồ sơ', '01 (bộ)');
  numbered('3. Thời gian giải quyết hồ sơ theo quy định là', d.processingDays > 0 ? `${d.processingDays} ngày làm việc` : 'trong ngày');
  numbered(
    '4. Thời gian nhận hồ sơ',
    waitingOnline ? `${vnHourMinuteDay(d.submittedAt)} (nộp trực tuyến, chờ tiếp nhận)` : vnHourMinuteDay(d.receivedAt!),
  );
  numbered(
    '5. Thời gian trả kết quả giải quyết hồ sơ',
    d.appointmentDate ? `ngày ${formatIsoDate(d.appointmentDate)}` : 'Sẽ được thông báo khi hồ sơ được tiếp nhận',
  );
  const returnPlace =
    d.channel === CHANNEL.POST && d.applicantAddress
      ? `Qua dịch vụ bưu chính công ích, đến địa chỉ ${d.applicantAddress}`
      : d.channel === CHANNEL.ONLINE
        ? `Bộ phận tiếp nhận và trả kết quả ${d.agencyName}; kết quả điện tử được gửi về tài khoản trên Cổng Dịch vụ công`
        : `Bộ phận tiếp nhận và trả kết quả ${d.agencyName}`;
  numbered('6. Đăng ký nhận kết quả tại', returnPlace);
  doc.moveDown(0.3);
  doc.font('italic').fontSize(10).text(`Tra cứu tình trạng hồ sơ bằng mã hồ sơ ${d.code} tại:`, left, doc.y, { ...SHAPING, width });
  // On its own line so that it does not wrap after "https://"; clickable in a PDF viewer.
  doc.font('regular').fontSize(10).fillColor('#1d4ed8').text(d.trackingUrl, left, doc.y, { ...SHAPING, width, link: d.trackingUrl });
  doc.fillColor('black');
  doc.moveDown(1.2);

  // Signatures: kept together on one page.
  const signHeight = 130;
  if (doc.y + signHeight > bottomLimit()) doc.addPage();
  const half = width / 2;
  const sigY = doc.y;
  const signatory = (x: number, title: string, note: string | null, name: string, nameNote?: string) => {
    doc.font('bold').fontSize(11).text(title, x, sigY, { ...SHAPING, width: half, align: 'center' });
    if (note) doc.font('italic').fontSize(10).text(note, x, doc.y, { ...SHAPING, width: half, align: 'center' });
    doc.font('bold').fontSize(11).text(name, x + 10, sigY + 90, { ...SHAPING, width: half - 20, align: 'center' });
    if (nameNote) doc.font('regular').fontSize(10).text(nameNote, x + 10, doc.y, { ...SHAPING, width: half - 20, align: 'center' });
  };
  signatory(left, 'NGƯỜI NỘP HỒ SƠ', d.channel === CHANNEL.ONLINE ? '(Nộp trực tuyến)' : '(Ký và ghi rõ họ tên)', d.applicantName);
  if (d.receivedByName) signatory(left + half, 'NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', d.receivedByName);
  else if (waitingOnline) signatory(left + half, 'NGƯỜI TIẾP NHẬN HỒ SƠ', null, 'Hệ thống Cổng Dịch vụ công', '(tiếp nhận trực tuyến)');
  else signatory(left + half, 'NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', '');

  // Footer on every page, below the bottom margin (which is lifted so pdfkit does not add a page).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const pageNote = range.count > 1 ? ` · Trang ${i - range.start + 1}/${range.count}` : '';
    doc
      .font('italic')
      .fontSize(8.5)
      .fillColor('#555555')
      .text(`In lúc ${formatVnDateTime(printedAt)} · Mã hồ sơ ${d.code}${pageNote}`, left, doc.page.height - 34, {
        ...SHAPING,
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }

  doc.end();
  return done;
}
