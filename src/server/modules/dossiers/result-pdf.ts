// Two documents of the processing stage of a dossier:
// - the electronic result, laid out after the official template of its procedure
//   (result-templates.ts: e.g. "Giấy khai sinh (bản chính)" of Thông tư 04/2020/TT-BTP): the
//   national motto header, the issuing agency with Số and Quyển số, the title, the dossier's fields
//   in labelled sections, the closing lines ("Nơi đăng ký …", "Ngày, tháng, năm đăng ký"), the
//   signer block (signed digitally, invisibly, afterwards) and a QR code to verify it, the last
//   two always on the page of the last content;
// - "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Mẫu số 04 of the forms annexed to Thông tư
//   01/2018/TT-VPCP, guiding Nghị định 61/2018/NĐ-CP on the one-stop mechanism; Mẫu 01 is the Giấy
//   tiếp nhận, 02 the request to supplement, 03 the refusal, 05 the dossier control sheet), when the
//   result is late: a letter from the agency handling the dossier, signed for it by its leader.
import { clause, midSentence } from '../../../common/text.js';
import { formatIsoDate, formatVnDateTime } from '../../platform/clock.js';
import { pdfDocument, SHAPING, vnLongDate } from '../../platform/files/pdf.js';
import type { ResultCell, ResultLayout, ResultRow } from './result-templates.js';

/**
 * The signed result: what its template lays out (result-templates.ts: title, Số / Quyển số,
 * labelled sections, the closing lines, the signer's caption) and who issues and signs it.
 */
export interface ResultData extends ResultLayout {
  /** Mã hồ sơ. */
  code: string;
  procedureCode: string;
  procedureName: string;
  /** Cơ quan ban hành, e.g. "UBND phường Cẩm Thành". */
  agencyName: string;
  /** Cơ quan chủ quản, e.g. "UBND tỉnh Quảng Ngãi". */
  provinceName: string | null;
  issuedAt: Date;
  /** Lines separated by "\n" or " / ", e.g. "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
  signerTitle: string;
  signerName: string;
  /** Printed under the QR code. */
  verifyUrl: string;
  /** QR code image (PNG) of verifyUrl. */
  qrPng: Buffer;
  /**
   * The leader's look before signing: the same document, marked on every page as a preview that
   * is not signed and has no legal value, "(Chưa ký)" instead of "(Đã ký số)", and no number yet.
   */
  preview?: boolean;
}

export const PREVIEW_NOTICE = 'BẢN XEM TRƯỚC – CHƯA KÝ, CHƯA CÓ GIÁ TRỊ PHÁP LÝ';

export interface ApologyData {
  code: string;
  procedureName: string;
  agencyName: string;
  provinceName: string | null;
  applicantName: string;
  applicantAddress: string | null;
  /** Thời điểm tiếp nhận. */
  receivedAt: Date;
  /** Ngày hẹn cũ, YYYY-MM-DD. */
  originalDate: string;
  /** Ngày hẹn mới, YYYY-MM-DD. */
  newDate: string;
  /** Lý do chậm, as the officer typed it (it is inserted after "do …"). */
  reason: string;
  issuedAt: Date;
  /**
   * The leader who signs for the agency (access.ts apologySigner), never the specialist who asked
   * for the extension; null when it is signed by hand.
   */
  signerName: string | null;
}

/**
 * The signature block of a document signed for the agency ("thẩm quyền ký", Nghị định 30/2020/NĐ-CP):
 * a People's Committee signs collectively (TM.) by its chairman or, for him, a vice-chairman (KT.);
 * a department by its director or, for him, a deputy; any other unit by its head.
 */
export function agencySignature(agencyName: string): string[] {
  const name = agencyName.normalize('NFC').trim();
  if (/^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b/iu.test(name)) return ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  if (/^Sở\s/u.test(name)) return ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'];
  return ['THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ'];
}

const MARGIN = 56;
const BLANK = '—';
const QR_SIZE = 90;

function upper(s: string): string {
  return s.toLocaleUpperCase('vi-VN').normalize('NFC');
}

/** dd/MM/yyyy of an instant, in Vietnam time. */
function vnDate(d: Date): string {
  return formatVnDateTime(d).slice(0, 10);
}

// The place name (địa danh) of the date line: the locality in the agency's name ("UBND phường Cẩm
// Thành" → "Cẩm Thành", "Sở Tư pháp tỉnh Quảng Ngãi" → "Quảng Ngãi"), else in the province's.
const LOCALITY = /^.*(?:^|\s)(?:phường|xã|thị trấn|đặc khu|thị xã|quận|huyện|[Tt]hành phố|[Tt]ỉnh)\s+(\S.*)$/u;

function placeOf(agencyName: string, provinceName: string | null): string | null {
  for (const name of [agencyName, provinceName]) {
    const m = name?.normalize('NFC').trim().match(LOCALITY);
    if (m) return m[1]!.trim();
  }
  return null;
}

/** "Cẩm Thành, ngày 28 tháng 11 năm 2026". */
function placeAndDate(agencyName: string, provinceName: string | null, d: Date): string {
  const place = placeOf(agencyName, provinceName);
  return place ? `${place}, ${vnLongDate(d).replace(/^Ngày/, 'ngày')}` : vnLongDate(d);
}

function newDocument(info: PDFKit.DocumentInfo) {
  return pdfDocument({ size: 'A4', margins: { top: 44, bottom: 56, left: MARGIN, right: MARGIN }, bufferPages: true, info });
}

/**
 * The two-column header: cơ quan chủ quản / cơ quan (bold) / extra lines on the left, the national
 * motto and the place-and-date on the right. Leaves doc.y below both columns.
 */
function header(
  doc: PDFKit.PDFDocument,
  o: { provinceName: string | null; boldLines: string[]; underRule: string | string[] | null; dateLine: string | null },
): void {
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const leftCol = width * 0.45;
  const rightCol = width - leftCol;

  const top = doc.y;
  if (o.provinceName) {
    doc.font('regular').fontSize(10).text(upper(o.provinceName), left, top, { ...SHAPING, width: leftCol, align: 'center' });
  }
  for (const [i, l] of o.boldLines.entries()) {
    doc.font('bold').fontSize(10).text(l, left, i === 0 && !o.provinceName ? top : doc.y, { ...SHAPING, width: leftCol, align: 'center' });
  }
  const ruleY = doc.y + 5;
  doc.moveTo(left + leftCol / 2 - 30, ruleY).lineTo(left + leftCol / 2 + 30, ruleY).lineWidth(0.6).stroke();
  let leftBottom = ruleY;
  const under = o.underRule === null ? [] : Array.isArray(o.underRule) ? o.underRule : [o.underRule];
  under.forEach((l, i) => {
    doc.font('regular').fontSize(10).text(l, left, i === 0 ? ruleY + 6 : doc.y, { ...SHAPING, width: leftCol, align: 'center' });
    leftBottom = doc.y;
  });

  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + leftCol, top, { ...SHAPING, width: rightCol, align: 'center' });
  doc.font('bold').fontSize(10.5).text('Độc lập - Tự do - Hạnh phúc', left + leftCol, doc.y, { ...SHAPING, width: rightCol, align: 'center' });
  const mottoRuleY = doc.y + 5;
  const mottoMid = left + leftCol + rightCol / 2;
  doc.moveTo(mottoMid - 72, mottoRuleY).lineTo(mottoMid + 72, mottoRuleY).lineWidth(0.6).stroke();
  if (o.dateLine) doc.font('italic').fontSize(10).text(o.dateLine, left + leftCol, mottoRuleY + 6, { ...SHAPING, width: rightCol, align: 'center' });
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y, mottoRuleY) + 18;
}

/**
 * One centred line made of runs in different fonts (pdfkit cannot centre `continued` text). Falls
 * back to flowing, left-aligned text when the runs do not fit on one line.
 */
function centredRuns(doc: PDFKit.PDFDocument, runs: { font: string; text: string }[], size: number): void {
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  doc.fontSize(size);
  const widths = runs.map((r) => doc.font(r.font).widthOfString(r.text, SHAPING));
  const total = widths.reduce((a, b) => a + b, 0);
  const y = doc.y;
  if (total > width) {
    runs.forEach((r, i) => {
      doc.font(r.font).text(r.text, i === 0 ? left : undefined, i === 0 ? y : undefined, { ...SHAPING, width, continued: i < runs.length - 1 });
    });
    return;
  }
  let x = left + (width - total) / 2;
  runs.forEach((r, i) => {
    doc.font(r.font).text(r.text, x, y, { ...SHAPING, lineBreak: false });
    x += widths[i]!;
  });
  doc.x = left;
  doc.y = y + doc.currentLineHeight(true);
}

/** A small page footer on every page when the document runs over one page. */
function pageFooters(doc: PDFKit.PDFDocument, code: string): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  const width = doc.page.width - 2 * MARGIN;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('italic')
      .fontSize(8.5)
      .fillColor('#555555')
      .text(`Mã hồ sơ ${code} · Trang ${i - range.start + 1}/${range.count}`, MARGIN, doc.page.height - 34, {
        ...SHAPING,
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

export function renderResult(d: ResultData): Promise<Buffer> {
  const { doc, done } = newDocument({ Title: d.subtitle ? `${d.title} ${d.subtitle}` : d.title, Author: d.agencyName, Subject: `Mã hồ sơ ${d.code}` });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;

  header(doc, {
    provinceName: d.parentInHeader ? d.provinceName : null,
    boldLines: [upper(d.agencyName)],
    underRule: d.numberLines.length ? d.numberLines : null,
    dateLine: d.dated ? placeAndDate(d.agencyName, d.provinceName, d.issuedAt) : null,
  });

  if (d.preview) {
    doc.font('bold').fontSize(11).fillColor('#a8071a').text(PREVIEW_NOTICE, left, doc.y, { ...SHAPING, width, align: 'center' });
    doc.fillColor('black');
    doc.moveDown(0.3);
  }
  doc.font('bold').fontSize(15).text(upper(d.title), left, doc.y, { ...SHAPING, width, align: 'center' });
  if (d.subtitle) doc.font('italic').fontSize(11).text(d.subtitle, left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.moveDown(0.15);
  centredRuns(
    doc,
    [
      { font: 'italic', text: 'Mã hồ sơ: ' },
      { font: 'bold', text: d.code },
    ],
    9.5,
  );
  doc.moveDown(0.5);

  // The lines of the template: "Label: value", the value in bold; several on a line when they fit
  // side by side, else one under the other. Long values wrap inside their column, never cut.
  // 10.5 pt, or a little smaller when that keeps the whole document on one page (see below).
  let size = 10.5;
  const gap = 14;
  const textOf = (cell: ResultCell) => (cell.label ? `${cell.label}: ` : '');
  const valueOf = (cell: ResultCell) => (cell.value.trim() !== '' ? cell.value : BLANK);
  const naturalWidth = (cell: ResultCell) =>
    doc.font('regular').fontSize(size).widthOfString(textOf(cell), SHAPING) + doc.font('bold').fontSize(size).widthOfString(valueOf(cell), SHAPING);
  // Measured in bold throughout: never lower than the height drawn.
  const cellHeight = (cell: ResultCell, w: number) => doc.font('bold').fontSize(size).heightOfString(textOf(cell) + valueOf(cell), { ...SHAPING, width: w });
  /** The columns of a line (x offset and width of each cell), or null when its cells go one under the other. */
  const columns = (row: ResultRow): { x: number; w: number }[] | null => {
    if (row.length === 1) return [{ x: 0, w: width }];
    const natural = row.map(naturalWidth);
    const total = natural.reduce((a, b) => a + b, 0) + gap * (row.length - 1);
    if (total > width) return null;
    const extra = (width - total) / row.length;
    let x = 0;
    return natural.map((n) => {
      const col = { x, w: n + extra };
      x += n + extra + gap;
      return col;
    });
  };
  const rowHeight = (row: ResultRow) => {
    const cols = columns(row);
    if (!cols) return row.reduce((h, cell) => h + cellHeight(cell, width) + 1.5, 0);
    return Math.max(...row.map((cell, i) => cellHeight(cell, cols[i]!.w))) + 1.5;
  };
  const drawCell = (cell: ResultCell, x: number, y: number, w: number) => {
    if (cell.label) {
      doc.font('regular').fontSize(size).text(textOf(cell), x, y, { ...SHAPING, width: w, continued: true }).font('bold').text(valueOf(cell), { ...SHAPING, width: w });
    } else {
      doc.font('regular').fontSize(size).text(valueOf(cell), x, y, { ...SHAPING, width: w });
    }
  };
  const drawRow = (row: ResultRow) => {
    const cols = columns(row);
    const y = doc.y;
    if (!cols) {
      for (const cell of row) {
        drawCell(cell, left, doc.y, width);
        doc.y += 1.5;
      }
    } else {
      let bottom = y;
      row.forEach((cell, i) => {
        drawCell(cell, left + cols[i]!.x, y, cols[i]!.w);
        bottom = Math.max(bottom, doc.y);
      });
      doc.y = bottom + 1.5;
    }
    doc.x = left;
  };
  const sectionTitleHeight = () => doc.font('bold').fontSize(size).heightOfString('X', SHAPING) + 6;
  const drawSectionTitle = (title: string) => {
    doc.y += 3;
    const y = doc.y;
    doc.font('bold').fontSize(size).fillColor('#1f3a5f').text(upper(title), left, y, { ...SHAPING, width });
    doc.fillColor('black');
    const ruleY = doc.y + 0.5;
    doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.4).strokeColor('#9aa5b1').stroke().strokeColor('black');
    doc.y = ruleY + 2.5;
  };

  // Bottom band: the QR code and its note on the left, the signer on the right with an empty area
  // for the (invisible) digital signature. Measured first: the closing lines ("Nơi đăng ký …",
  // the certification statement) and the band stay together, so the signature never stands alone
  // on a page.
  const half = width / 2;
  const titleLines = d.signerTitle
    .split(/\s*\n\s*|\s+\/\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // The note under the QR code; the address on a line of its own, in a smaller size when needed so
  // that it is not broken (a broken address cannot be copied or typed back).
  const noteWidth = half - 12;
  const noteSize = 8.5;
  doc.font('regular').fontSize(noteSize);
  const urlSize = Math.max(6, Math.min(noteSize, (noteSize * noteWidth) / (doc.widthOfString(d.verifyUrl, SHAPING) + 1)));
  const notePre = 'Quét mã QR hoặc truy cập';
  const notePost = 'để kiểm tra tính xác thực của văn bản điện tử này.';
  const noteHeight =
    doc.font('italic').fontSize(noteSize).heightOfString(notePre, { ...SHAPING, width: noteWidth }) +
    doc.font('regular').fontSize(urlSize).heightOfString(d.verifyUrl, { ...SHAPING, width: noteWidth }) +
    doc.font('italic').fontSize(noteSize).heightOfString(notePost, { ...SHAPING, width: noteWidth });
  doc.font('bold').fontSize(10.5);
  const captionHeight = d.signerCaption ? doc.heightOfString(d.signerCaption, { ...SHAPING, width: half }) : 0;
  const titleHeight = titleLines.reduce((h, l) => h + doc.heightOfString(l, { ...SHAPING, width: half }), 0);
  const signGap = 40;
  const signHeight = captionHeight + titleHeight + signGap + 14 + 16;
  const bandHeight = Math.max(QR_SIZE + 6 + noteHeight, signHeight);
  const closingHeight = () => d.closing.reduce((h, row) => h + rowHeight(row), 0) + (d.closing.length ? 6 : 0);
  const contentHeight = () =>
    d.sections.reduce((h, sec) => h + (sec.title ? sectionTitleHeight() + 3 : 0) + sec.rows.reduce((x, row) => x + rowHeight(row), 0), 0) + closingHeight() + 12 + bandHeight;
  // A long dossier (long names, long addresses) that would spill over by a few lines at 10.5 pt
  // is set a little smaller to stay on one page; one that really needs two pages keeps 10.5 pt.
  for (const candidate of [10.5, 10, 9.5]) {
    size = candidate;
    if (doc.y + contentHeight() <= bottomLimit()) break;
  }
  if (doc.y + contentHeight() > bottomLimit()) size = 10.5;

  const lastSection = d.sections.length - 1;
  d.sections.forEach((section, si) => {
    // A section's title stays with its first line.
    const first = section.rows[0];
    const need = (section.title ? sectionTitleHeight() : 0) + (first ? rowHeight(first) : 0);
    if (doc.y + need > bottomLimit()) doc.addPage();
    if (section.title) drawSectionTitle(section.title);
    section.rows.forEach((row, ri) => {
      // The last line of content goes with the closing lines and the signature band.
      const last = si === lastSection && ri === section.rows.length - 1;
      const keep = last ? closingHeight() + 12 + bandHeight : 0;
      if (doc.y + rowHeight(row) + keep > bottomLimit()) doc.addPage();
      drawRow(row);
    });
  });

  if (doc.y + closingHeight() + 12 + bandHeight > bottomLimit()) doc.addPage();
  if (d.closing.length) doc.y += 6;
  for (const row of d.closing) drawRow(row);
  doc.y += 12;
  const bandY = doc.y;

  doc.image(d.qrPng, left, bandY, { width: QR_SIZE, height: QR_SIZE });
  doc.font('italic').fontSize(noteSize).text(notePre, left, bandY + QR_SIZE + 6, { ...SHAPING, width: noteWidth });
  doc.font('regular').fontSize(urlSize).fillColor('#1d4ed8').text(d.verifyUrl, left, doc.y, { ...SHAPING, width: noteWidth, link: d.verifyUrl });
  doc.fillColor('black');
  doc.font('italic').fontSize(noteSize).text(notePost, left, doc.y, { ...SHAPING, width: noteWidth });

  const signX = left + half;
  let y = bandY;
  if (d.signerCaption) {
    doc.font('bold').fontSize(10.5).text(d.signerCaption, signX, y, { ...SHAPING, width: half, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').fontSize(10.5);
  for (const l of titleLines) {
    doc.text(l, signX, y, { ...SHAPING, width: half, align: 'center' });
    y = doc.y;
  }
  y += signGap;
  doc.font('italic').fontSize(9.5).fillColor('#555555').text(d.preview ? '(Chưa ký)' : '(Đã ký số)', signX, y, { ...SHAPING, width: half, align: 'center' });
  doc.fillColor('black');
  doc.font('bold').fontSize(11).text(d.signerName, signX, doc.y + 2, { ...SHAPING, width: half, align: 'center' });
  doc.x = left;
  doc.y = bandY + bandHeight;

  if (d.preview) previewWatermarks(doc);
  pageFooters(doc, d.code);
  doc.end();
  return done;
}

/** "XEM TRƯỚC" across every page, light enough to read the content through it. */
function previewWatermarks(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    doc.save();
    doc.rotate(-35, { origin: [width / 2, height / 2] });
    doc.font('bold').fontSize(72).fillColor('#a8071a').fillOpacity(0.12);
    doc.text('XEM TRƯỚC', 0, height / 2 - 40, { ...SHAPING, width, align: 'center', lineBreak: false });
    doc.restore();
  }
  doc.fillOpacity(1).fillColor('black');
}

export function renderApology(d: ApologyData): Promise<Buffer> {
  const { doc, done } = newDocument({
    Title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    Author: d.agencyName,
    Subject: `Mã hồ sơ ${d.code}`,
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;

  // The agency handling the dossier writes, under its cơ quan chủ quản.
  header(doc, {
    provinceName: d.provinceName,
    boldLines: [upper(d.agencyName)],
    underRule: null,
    dateLine: placeAndDate(d.agencyName, d.provinceName, d.issuedAt),
  });
  doc.moveDown(0.4);

  doc.font('bold').fontSize(14).text('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.moveDown(1);

  centredRuns(
    doc,
    [
      { font: 'regular', text: 'Kính gửi: ' },
      { font: 'bold', text: `Ông/Bà ${d.applicantName}` },
    ],
    12,
  );
  if (d.applicantAddress && d.applicantAddress.trim() !== '') {
    doc.font('regular').fontSize(11).text(`Địa chỉ: ${clause(d.applicantAddress)}`, left, doc.y, { ...SHAPING, width, align: 'center' });
  }
  doc.moveDown(1);

  const paragraph = (text: string) => {
    doc.font('regular').fontSize(12).text(text, left, doc.y, { ...SHAPING, width, align: 'justify', indent: 28, lineGap: 2 });
    doc.moveDown(0.5);
  };
  // The officer's reason goes mid-sentence: first letter in lower case (not an acronym or a name),
  // without its own final period.
  const reason = midSentence(d.reason);
  const procedure = clause(d.procedureName);
  paragraph(`Ngày ${vnDate(d.receivedAt)}, ${d.agencyName} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ ${d.code}, thủ tục ${procedure}.`);
  paragraph(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ngày ${formatIsoDate(d.originalDate)}.`);
  paragraph(
    reason
      ? `Tuy nhiên đến nay, ${d.agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà do ${reason}.`
      : `Tuy nhiên đến nay, ${d.agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.`,
  );
  paragraph(
    `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. ${d.agencyName} xin lỗi Ông/Bà ` +
      `và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ngày ${formatIsoDate(d.newDate)}.`,
  );
  paragraph('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.');
  doc.moveDown(0.8);

  // "Nơi nhận" on the left, the agency's signatory on the right; kept together on one page.
  const half = width / 2;
  const titleLines = agencySignature(d.agencyName);
  const signHeight = 110 + titleLines.length * 16;
  if (doc.y + signHeight > bottomLimit()) doc.addPage();
  const sigY = doc.y;
  doc.font('bold').fontSize(10).text('Nơi nhận:', left, sigY, { ...SHAPING, width: half });
  doc.font('regular').fontSize(9.5).text('- Như trên;', left, doc.y, { ...SHAPING, width: half });
  doc.font('regular').fontSize(9.5).text('- Bộ phận tiếp nhận và trả kết quả;', left, doc.y, { ...SHAPING, width: half });
  doc.font('regular').fontSize(9.5).text('- Lưu: VT.', left, doc.y, { ...SHAPING, width: half });
  const signX = left + half;
  let y = sigY;
  doc.font('bold').fontSize(11);
  for (const l of titleLines) {
    doc.text(l, signX, y, { ...SHAPING, width: half, align: 'center' });
    y = doc.y;
  }
  doc.font('italic').fontSize(10).text('(Ký, ghi rõ họ tên, đóng dấu)', signX, y, { ...SHAPING, width: half, align: 'center' });
  if (d.signerName) doc.font('bold').fontSize(11).text(d.signerName, signX, doc.y + 64, { ...SHAPING, width: half, align: 'center' });
  doc.x = left;

  pageFooters(doc, d.code);
  doc.end();
  return done;
}
