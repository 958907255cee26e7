// The tờ khai of a procedure printed blank from its e-form (issue 15): what a citizen downloads
// from "Thành phần hồ sơ" to fill in by hand and bring to the desk, when the catalogue has no
// uploaded template for it. The national motto, the title, "Kính gửi", every section and field of
// the e-form with a dotted line to write on (choices as boxes to tick), the declaration and the
// signature block — so the paper asks exactly what the online form asks.
import type { EForm } from '../../../common/eform.js';
import { pdfDocument, SHAPING } from '../../platform/files/pdf.js';

const MARGIN = 56;

function upper(s: string): string {
  return s.toLocaleUpperCase('vi-VN').normalize('NFC');
}

export function renderBlankForm(form: EForm, p: { code: string; name: string; implementingAgency: string }): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    margins: { top: 44, bottom: 50, left: MARGIN, right: MARGIN },
    info: { Title: form.title, Subject: `${p.name} (mã thủ tục ${p.code})`, Author: 'Cổng Dịch vụ công' },
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const right = left + width;

  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.font('bold').fontSize(11.5).text('Độc lập - Tự do - Hạnh phúc', left, doc.y, { ...SHAPING, width, align: 'center' });
  const ruleY = doc.y + 4;
  doc.moveTo(left + width / 2 - 75, ruleY).lineTo(left + width / 2 + 75, ruleY).lineWidth(0.6).stroke();
  doc.y = ruleY + 18;
  doc.font('bold').fontSize(14).text(upper(form.title), left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(11.5).text(`Kính gửi: ${p.implementingAgency} ${'.'.repeat(40)}`, left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.moveDown(0.8);

  /** "Label: ........" to the right margin, on as many lines as the label needs. */
  const dotted = (label: string) => {
    doc.font('regular').fontSize(11.5);
    const text = `${label}: `;
    const w = doc.widthOfString(text, SHAPING);
    const dotW = doc.widthOfString('.', SHAPING);
    if (w > width - 60) {
      doc.text(text, left, doc.y, { ...SHAPING, width });
      doc.text('.'.repeat(Math.floor(width / dotW)), left, doc.y, { ...SHAPING, width, lineBreak: false });
      doc.moveDown(1);
    } else {
      const y = doc.y;
      doc.text(text, left, y, { ...SHAPING, lineBreak: false });
      doc.text('.'.repeat(Math.floor((width - w) / dotW)), left + w, y, { ...SHAPING, lineBreak: false });
      doc.y = y;
      doc.moveDown(1);
    }
    doc.moveDown(0.25);
  };
  /** "Label:  ☐ A   ☐ B" with drawn boxes (the font's ☐ is not relied on). */
  const choices = (label: string, options: string[]) => {
    doc.font('regular').fontSize(11.5);
    const y = doc.y;
    let x = left;
    doc.text(`${label}: `, x, y, { ...SHAPING, lineBreak: false });
    x += doc.widthOfString(`${label}: `, SHAPING) + 4;
    for (const o of options) {
      const w = doc.widthOfString(o, SHAPING) + 26;
      if (x + w > right) {
        doc.y += 18;
        x = left + 16;
      }
      const rowY = doc.y === y ? y : doc.y;
      doc.rect(x, rowY + 3, 9, 9).lineWidth(0.7).stroke();
      doc.text(o, x + 13, rowY, { ...SHAPING, lineBreak: false });
      x += w;
      doc.y = rowY;
    }
    doc.moveDown(1.25);
  };

  for (const section of form.layout) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.font('bold').fontSize(11.5).text(section.title, left, doc.y, { ...SHAPING, width });
    doc.moveDown(0.3);
    for (const f of section.fields) {
      if (doc.y > doc.page.height - 90) doc.addPage();
      if ((f.widget === 'select' || f.widget === 'radio') && f.options?.length) choices(f.label, f.options.map((o) => o.label));
      else if (f.widget === 'date') dotted(`${f.label} (ngày/tháng/năm)`);
      else dotted(f.label);
    }
    doc.moveDown(0.3);
  }

  if (doc.y > doc.page.height - 200) doc.addPage();
  doc
    .font('regular')
    .fontSize(11.5)
    .text(
      'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
      left,
      doc.y,
      { ...SHAPING, width, align: 'justify' },
    );
  doc.moveDown(1);
  const colX = left + width / 2;
  const colW = width / 2;
  doc.font('italic').fontSize(11.5).text('Làm tại: ................., ngày ....... tháng ....... năm ..........', colX - 40, doc.y, { ...SHAPING, width: colW + 40, align: 'center' });
  doc.font('bold').text('NGƯỜI YÊU CẦU', colX, doc.y + 4, { ...SHAPING, width: colW, align: 'center' });
  doc.font('italic').text('(Ký, ghi rõ họ, chữ đệm, tên)', colX, doc.y, { ...SHAPING, width: colW, align: 'center' });

  // Where the paper comes from, at the foot of the last page (outside the margin: no new page).
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .font('italic')
    .fontSize(8.5)
    .fillColor('#555555')
    .text(`In từ biểu mẫu điện tử của thủ tục "${p.name}" (mã ${p.code}) trên Cổng Dịch vụ công.`, left, doc.page.height - 36, { ...SHAPING, width, align: 'center' });
  doc.page.margins.bottom = bottom;
  doc.end();
  return done;
}
