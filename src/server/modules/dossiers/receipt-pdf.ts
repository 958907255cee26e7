// The receipt of one dossier (receiptKind in common/dossier-status.ts says which):
// - "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (Mẫu số 01, Thông tư 01/2018/TT-VPCP): what the desk
//   hands the citizen, or the citizen prints once their online filing has been received;
// - "Phiếu xác nhận nộp hồ sơ trực tuyến": what the citizen prints right after filing online, before
//   any officer has received the dossier — it confirms the submission, names no receiving officer
//   and promises no date beyond the expected one ("dự kiến").
import { CHANNEL, CHANNEL_LABELS, DOSSIER_STATUS, receiptKind, type DossierStatus } from '../../../common/dossier-status.js';
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
  status: DossierStatus;
  statusLabel: string;
  /** Where anyone with the code and the phone's last digits can look the dossier up ("Tra cứu hồ sơ"). */
  trackingUrl: string;
  /** "Đăng ký nhận kết quả tại" from the citizen's choice (issue 15); absent or null: from the channel, as before. */
  returnPlace?: string | null;
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

/** Titles of the two receipts, as printed and as the PDF's title. */
const RECEIPT_TITLES = {
  submission: 'Phiếu xác nhận nộp hồ sơ trực tuyến',
  reception: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
} as const;

export function renderReceipt(d: ReceiptData, printedAt: Date): Promise<Buffer> {
  const kind = receiptKind(d);
  const { doc, done } = pdfDocument({
    size: 'A4',
    margins: { top: 44, bottom: 56, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: RECEIPT_TITLES[kind], Author: d.agencyName, Subject: `Mã hồ sơ ${d.code}` },
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const leftCol = width * 0.45;
  const rightCol = width - leftCol;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;

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

  doc.font('bold').fontSize(14).text(upper(RECEIPT_TITLES[kind]), left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.moveDown(0.8);

  const body = (text: string, opts: { indent?: number; gap?: number; font?: 'regular' | 'italic' } = {}) => {
    doc
      .font(opts.font ?? 'regular')
      .fontSize(11)
      .text(text, left + (opts.indent ?? 0), doc.y, { ...SHAPING, width: width - (opts.indent ?? 0), align: 'justify' });
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

  if (kind === 'submission') {
    body(`Cổng Dịch vụ công xác nhận hồ sơ dưới đây đã được nộp trực tuyến đến Bộ phận tiếp nhận và trả kết quả ${d.agencyName}:`);
  } else {
    body(`Bộ phận tiếp nhận và trả kết quả ${d.agencyName} tiếp nhận hồ sơ của:`);
  }
  line(kind === 'submission' ? 'Người nộp hồ sơ' : 'Ông/Bà', d.applicantName, 16);
  line('Số định danh cá nhân', d.applicantIdNumber, 16);
  line('Địa chỉ', d.applicantAddress, 16);
  line('Số điện thoại', d.phone, 16);
  line('Email', d.email, 16);
  line('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
  line('Kênh nộp hồ sơ', CHANNEL_LABELS[d.channel]);
  if (kind === 'submission') line('Thời điểm nộp hồ sơ', vnHourMinuteDay(d.submittedAt));
  line('Tình trạng hồ sơ', d.statusLabel);
  doc.moveDown(0.3);

  // 1. Thành phần hồ sơ: a numbered table.
  doc.font('bold').fontSize(11).text(kind === 'submission' ? '1. Thành phần hồ sơ đã nộp gồm:' : '1. Thành phần hồ sơ nộp gồm:', left, doc.y, SHAPING);
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

  const processingTime = d.processingDays > 0 ? `${d.processingDays} ngày làm việc` : 'trong ngày';
  const returnPlace =
    d.returnPlace ??
    (d.channel === CHANNEL.POST && d.applicantAddress
      ? `Qua dịch vụ bưu chính công ích, đến địa chỉ ${d.applicantAddress}`
      : d.channel === CHANNEL.ONLINE
        ? `Bộ phận tiếp nhận và trả kết quả ${d.agencyName}; kết quả điện tử được gửi về tài khoản trên Cổng Dịch vụ công`
        : `Bộ phận tiếp nhận và trả kết quả ${d.agencyName}`);

  if (kind === 'submission') {
    line('2. Thời gian giải quyết hồ sơ theo quy định là', `${processingTime}, tính từ khi hồ sơ được tiếp nhận`);
    line(
      '3. Ngày trả kết quả dự kiến',
      d.appointmentDate ? `ngày ${formatIsoDate(d.appointmentDate)}` : 'sẽ được thông báo khi hồ sơ được tiếp nhận',
    );
    line('4. Đăng ký nhận kết quả tại', returnPlace);
    doc.moveDown(0.3);
    if (d.status === DOSSIER_STATUS.NEW) {
      body(
        `Hồ sơ đang chờ Bộ phận tiếp nhận và trả kết quả ${d.agencyName} kiểm tra và tiếp nhận. ` +
          'Ông/Bà sẽ được thông báo qua tin nhắn SMS và thư điện tử khi hồ sơ được tiếp nhận, hoặc khi cần bổ sung, hoàn thiện hồ sơ.',
      );
    }
    body(
      'Phiếu này xác nhận việc nộp hồ sơ, không thay cho Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ngày hẹn trả kết quả chính thức ' +
        'được ghi trên Giấy tiếp nhận khi hồ sơ được tiếp nhận.',
      { font: 'italic' },
    );
  } else {
    const waiting = d.receivedAt === null; // handed in by post, not yet received by the desk
    line('2. Số lượng hồ sơ', '01 (bộ)');
    line('3. Thời gian giải quyết hồ sơ theo quy định là', processingTime);
    line('4. Thời gian nhận hồ sơ', waiting ? `${vnHourMinuteDay(d.submittedAt)} (chờ tiếp nhận)` : vnHourMinuteDay(d.receivedAt!));
    line('5. Thời gian trả kết quả giải quyết hồ sơ', d.appointmentDate ? `ngày ${formatIsoDate(d.appointmentDate)}` : 'Sẽ được thông báo khi hồ sơ được tiếp nhận');
    line('6. Đăng ký nhận kết quả tại', returnPlace);
  }
  doc.moveDown(0.3);
  doc
    .font('italic')
    .fontSize(10)
    .text(`Tra cứu tình trạng hồ sơ bằng mã hồ sơ ${d.code} và 4 số cuối của số điện thoại đã đăng ký, tại trang "Tra cứu hồ sơ":`, left, doc.y, {
      ...SHAPING,
      width,
    });
  // On its own line so that it does not wrap after "https://"; clickable in a PDF viewer.
  doc.font('regular').fontSize(10).fillColor('#1d4ed8').text(d.trackingUrl, left, doc.y, { ...SHAPING, width, link: d.trackingUrl });
  doc.fillColor('black');
  doc.moveDown(1.2);

  // Signatures (the Giấy tiếp nhận only): kept together on one page. An online submission is
  // confirmed by the system; nobody has received it, so nobody signs for the agency.
  if (kind === 'reception') {
    const signHeight = 130;
    if (doc.y + signHeight > bottomLimit()) doc.addPage();
    const half = width / 2;
    const sigY = doc.y;
    const signatory = (x: number, title: string, note: string | null, name: string) => {
      doc.font('bold').fontSize(11).text(title, x, sigY, { ...SHAPING, width: half, align: 'center' });
      if (note) doc.font('italic').fontSize(10).text(note, x, doc.y, { ...SHAPING, width: half, align: 'center' });
      doc.font('bold').fontSize(11).text(name, x + 10, sigY + 90, { ...SHAPING, width: half - 20, align: 'center' });
    };
    signatory(left, 'NGƯỜI NỘP HỒ SƠ', d.channel === CHANNEL.ONLINE ? '(Nộp trực tuyến)' : '(Ký và ghi rõ họ tên)', d.applicantName);
    signatory(left + half, 'NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', d.receivedByName ?? '');
  }

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
