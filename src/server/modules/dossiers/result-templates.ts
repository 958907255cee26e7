// What the signed result of each demo procedure says, laid out after its official template
// (issue 15). Pure: the dossier's form values and its register entry in, the document's sections
// out (result-pdf.ts draws them). Every field of the dossier is printed, in a labelled section,
// except the contact details for notifications.
//
// - 1.001193 Đăng ký khai sinh → "Giấy khai sinh (bản chính)", the template annexed to Thông tư
//   04/2020/TT-BTP (as amended by Thông tư 03/2023/TT-BTP); its electronic content as in Phụ lục 1
//   of Thông tư 01/2022/TT-BTP ("Nội dung bản điện tử Giấy khai sinh"). Số / Quyển số at the top
//   left, the person registered, the mother, the father, "Nơi đăng ký khai sinh", "Ngày, tháng,
//   năm đăng ký", "NGƯỜI KÝ GIẤY KHAI SINH"; the date of birth also in words.
// - 1.000894 Đăng ký kết hôn → "Giấy chứng nhận kết hôn (bản chính)", same circulars: husband,
//   wife, "Nơi đăng ký", "Ngày, tháng, năm đăng ký", "NGƯỜI KÝ GIẤY CHỨNG NHẬN KẾT HÔN".
// - 1.000656 Đăng ký khai tử → "Trích lục khai tử (bản chính)", same circulars (how to fill it:
//   Điều 34 Thông tư 04/2020/TT-BTP — the time of death in figures and in words).
// - 2.000635 Cấp bản sao trích lục hộ tịch → "Trích lục … (bản sao)", the copy templates of the
//   same circulars, issued from the civil-status database and entered in the book of copies.
// - 2.000908 Chứng thực bản sao từ bản chính → the copy with the certification statement ("Lời
//   chứng chứng thực bản sao từ bản chính", Nghị định 23/2015/NĐ-CP Điều 20 and the statement
//   form of Thông tư 01/2020/TT-BTP): "Chứng thực bản sao đúng với bản chính", Số chứng thực,
//   Quyển số …-SCT/BS, the date, "NGƯỜI THỰC HIỆN CHỨNG THỰC".
// - any other procedure: "Kết quả giải quyết thủ tục hành chính" with the form's own sections.
import { formFields, type EForm, type FormValues } from '../../../common/eform.js';
import type { RegisterEntry } from './registers.js';

/** One "Label: value" of a line; a line holds one or several. An empty label prints the value alone. */
export interface ResultCell {
  label: string;
  value: string;
}
export type ResultRow = ResultCell[];
export interface ResultSection {
  title: string | null;
  rows: ResultRow[];
}

export interface ResultLayout {
  title: string;
  subtitle: string | null;
  /** The cơ quan chủ quản above the issuing agency (administrative documents); not on civil-status papers. */
  parentInHeader: boolean;
  /** Under the agency in the header, e.g. ["Số: 125", "Quyển số: 01/2026"]. */
  numberLines: string[];
  /** A place-and-date line under the motto (templates that date the registration in the body have none). */
  dated: boolean;
  sections: ResultSection[];
  /** The last lines of content, kept on the page of the signature ("Nơi đăng ký …", the certification statement). */
  closing: ResultRow[];
  /** Printed in bold above the signer's title, e.g. "NGƯỜI KÝ GIẤY KHAI SINH". */
  signerCaption: string | null;
}

export interface TemplateInput {
  procedureCode: string;
  procedureName: string;
  /** e.g. "UBND phường Cẩm Thành". */
  agencyName: string;
  /** e.g. "UBND tỉnh Quảng Ngãi". */
  provinceName: string | null;
  form: EForm | null;
  values: FormValues;
  /** Null for the leader's preview: no number is given before signing. */
  entry: RegisterEntry | null;
  issuedAt: Date;
}

/** Shown instead of a number in the preview. */
export const NOT_YET = '(cấp khi ký)';

// ---------------------------------------------------------------------------------------------
// Numbers and dates in words ("ghi bằng chữ")

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

function twoDigits(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
  if (unit === 0) return head;
  if (unit === 5) return `${head} lăm`;
  if (unit === 1 && tens > 1) return `${head} mốt`;
  return `${head} ${DIGITS[unit]}`;
}

function threeDigits(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (!full && h === 0) return twoDigits(rest);
  const head = `${DIGITS[h]} trăm`;
  if (rest === 0) return head;
  return rest < 10 ? `${head} linh ${DIGITS[rest]}` : `${head} ${twoDigits(rest)}`;
}

/** 0 … 9999 in Vietnamese words: 2026 → "hai nghìn không trăm hai mươi sáu". */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`not in 0…9999: ${n}`);
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  if (th === 0) return threeDigits(rest, false);
  return rest === 0 ? `${DIGITS[th]} nghìn` : `${DIGITS[th]} nghìn ${threeDigits(rest, true)}`;
}

/** "2026-11-14" → "Ngày mười bốn tháng mười một năm hai nghìn không trăm hai mươi sáu". */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  return `Ngày ${numberInWords(Number(m[3]))} tháng ${numberInWords(Number(m[2]))} năm ${numberInWords(Number(m[1]))}`;
}

function dmy(iso: string | undefined): string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : (iso ?? '');
}

/** The Vietnam calendar date of an instant, YYYY-MM-DD. */
function vnIso(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** "UBND phường Cẩm Thành" + "UBND tỉnh Quảng Ngãi" → "Ủy ban nhân dân phường Cẩm Thành, tỉnh Quảng Ngãi". */
export function registrationPlace(agencyName: string, provinceName: string | null): string {
  const full = (s: string) => s.normalize('NFC').trim().replace(/^UBND\b/u, 'Ủy ban nhân dân');
  const agency = full(agencyName);
  const province = provinceName ? full(provinceName).replace(/^Ủy ban nhân dân\s+/u, '') : null;
  return province && !agency.includes(province) ? `${agency}, ${province}` : agency;
}

// ---------------------------------------------------------------------------------------------
// Templates

const c = (label: string, value: string | undefined | null): ResultCell => ({ label, value: (value ?? '').trim() });

function numberLines(entry: RegisterEntry | null): string[] {
  return [`Số: ${entry ? entry.number : NOT_YET}`, `Quyển số: ${entry ? entry.volume : NOT_YET}`];
}

function registrationDate(issuedAt: Date, words: boolean): ResultCell {
  const iso = vnIso(issuedAt);
  return c('Ngày, tháng, năm đăng ký', words ? `${dmy(iso)} (${dateInWords(iso)})` : dmy(iso));
}

/** Giấy khai sinh (bản chính), Thông tư 04/2020/TT-BTP as amended by Thông tư 03/2023/TT-BTP. */
function birth(i: TemplateInput): ResultLayout {
  const v = i.values;
  const born = v.childBirthDate ? `${dmy(v.childBirthDate)}, ghi bằng chữ: ${dateInWords(v.childBirthDate)}` : '';
  const parent = (who: 'mother' | 'father', noun: string): ResultSection => ({
    title: noun === 'mẹ' ? 'Mẹ' : 'Cha',
    rows: [
      [c(`Họ, chữ đệm, tên người ${noun}`, v[`${who}FullName`])],
      [c('Ngày, tháng, năm sinh', dmy(v[`${who}BirthDate`])), c('Dân tộc', v[`${who}Ethnicity`]), c('Quốc tịch', v[`${who}Nationality`])],
      [c('Số định danh cá nhân', v[`${who}IdNumber`])],
      [c('Nơi cư trú', v[`${who}Residence`])],
    ],
  });
  return {
    title: 'GIẤY KHAI SINH',
    subtitle: '(Bản chính)',
    parentInHeader: false,
    numberLines: numberLines(i.entry),
    dated: false,
    sections: [
      {
        title: 'Người được khai sinh',
        rows: [
          [c('Họ, chữ đệm, tên', v.childFullName)],
          [c('Ngày, tháng, năm sinh', born)],
          [c('Giới tính', v.childSex), c('Dân tộc', v.childEthnicity), c('Quốc tịch', v.childNationality)],
          [c('Nơi sinh', v.childBirthPlace)],
          [c('Quê quán', v.childHometown)],
          [c('Số định danh cá nhân', i.entry ? i.entry.pin : NOT_YET)],
        ],
      },
      parent('mother', 'mẹ'),
      parent('father', 'cha'),
      {
        title: 'Người đi đăng ký khai sinh',
        rows: [
          [c('Họ, chữ đệm, tên', v.applicantFullName), c('Quan hệ với người được khai sinh', v.relationToChild)],
          [c('Số định danh cá nhân', v.applicantIdNumber)],
          [c('Nơi cư trú', v.applicantResidence)],
        ],
      },
    ],
    closing: [[c('Nơi đăng ký khai sinh', registrationPlace(i.agencyName, i.provinceName))], [registrationDate(i.issuedAt, false)]],
    signerCaption: 'NGƯỜI KÝ GIẤY KHAI SINH',
  };
}

/** Giấy chứng nhận kết hôn (bản chính), same circulars: the husband and the wife. */
function marriage(i: TemplateInput): ResultLayout {
  const v = i.values;
  const applicant = {
    name: v.applicantFullName,
    born: v.applicantBirthDate,
    ethnicity: v.applicantEthnicity,
    nationality: v.applicantNationality,
    residence: v.applicantResidence,
    id: v.applicantIdNumber,
    ordinal: v.applicantMarriageOrdinal,
  };
  const partner = {
    name: v.partnerFullName,
    born: v.partnerBirthDate,
    ethnicity: v.partnerEthnicity,
    nationality: v.partnerNationality,
    residence: v.partnerResidence,
    id: v.partnerIdDocument,
    ordinal: v.partnerMarriageOrdinal,
  };
  const [husband, wife] = v.applicantSex === 'Nữ' ? [partner, applicant] : [applicant, partner];
  const spouse = (title: string, p: typeof applicant): ResultSection => ({
    title,
    rows: [
      [c(`Họ, chữ đệm, tên ${title.toLowerCase()}`, p.name)],
      [c('Ngày, tháng, năm sinh', dmy(p.born)), c('Dân tộc', p.ethnicity), c('Quốc tịch', p.nationality)],
      [c('Nơi cư trú', p.residence)],
      [c('Giấy tờ tùy thân (số định danh cá nhân)', p.id)],
      [c('Kết hôn lần thứ', p.ordinal)],
    ],
  });
  return {
    title: 'GIẤY CHỨNG NHẬN KẾT HÔN',
    subtitle: '(Bản chính)',
    parentInHeader: false,
    numberLines: numberLines(i.entry),
    dated: false,
    sections: [spouse('Chồng', husband), spouse('Vợ', wife)],
    closing: [[c('Nơi đăng ký', registrationPlace(i.agencyName, i.provinceName))], [registrationDate(i.issuedAt, false)]],
    signerCaption: 'NGƯỜI KÝ GIẤY CHỨNG NHẬN KẾT HÔN',
  };
}

/** "14:30" + "2026-12-01" → "14 giờ 30 phút, ngày 01/12/2026 (ghi bằng chữ: mười bốn giờ ba mươi phút, ngày một tháng mười hai năm …)". */
function deathTime(time: string | undefined, date: string | undefined): string {
  if (!date) return '';
  const words = dateInWords(date);
  const m = time ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  if (!m) return `ngày ${dmy(date)} (ghi bằng chữ: ${words.charAt(0).toLowerCase()}${words.slice(1)})`;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return (
    `${m[1]} giờ ${m[2]} phút, ngày ${dmy(date)} ` +
    `(ghi bằng chữ: ${numberInWords(h)} giờ ${numberInWords(min)} phút, ${words.charAt(0).toLowerCase()}${words.slice(1)})`
  );
}

/** Trích lục khai tử (bản chính), same circulars (Điều 34 Thông tư 04/2020/TT-BTP). */
function death(i: TemplateInput): ResultLayout {
  const v = i.values;
  const notice = [v.deathNoticeNumber ? `số ${v.deathNoticeNumber}` : '', v.deathNoticeIssuer ? `do ${v.deathNoticeIssuer} cấp` : '', v.deathNoticeDate ? `ngày ${dmy(v.deathNoticeDate)}` : '']
    .filter((s) => s !== '')
    .join(' ');
  return {
    title: 'TRÍCH LỤC KHAI TỬ',
    subtitle: '(Bản chính)',
    parentInHeader: false,
    numberLines: numberLines(i.entry),
    dated: false,
    sections: [
      {
        title: 'Người đã chết',
        rows: [
          [c('Họ, chữ đệm, tên', v.deceasedFullName)],
          [c('Ngày, tháng, năm sinh', dmy(v.deceasedBirthDate))],
          [c('Giới tính', v.deceasedSex), c('Dân tộc', v.deceasedEthnicity), c('Quốc tịch', v.deceasedNationality)],
          [c('Số định danh cá nhân', v.deceasedIdNumber)],
          [c('Nơi cư trú cuối cùng', v.deceasedLastResidence)],
        ],
      },
      {
        title: 'Thông tin về việc chết',
        rows: [
          [c('Đã chết vào lúc', deathTime(v.deathTime, v.deathDate))],
          [c('Nơi chết', v.deathPlace)],
          [c('Nguyên nhân chết', v.deathCause)],
          [c('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', notice)],
        ],
      },
      {
        title: 'Người đi khai tử',
        rows: [
          [c('Họ, chữ đệm, tên', v.applicantFullName), c('Quan hệ với người đã chết', v.relationToDeceased)],
          [c('Giấy tờ tùy thân (số định danh cá nhân)', v.applicantIdNumber)],
          [c('Nơi cư trú', v.applicantResidence)],
        ],
      },
    ],
    closing: [[c('Nơi đăng ký khai tử', registrationPlace(i.agencyName, i.provinceName))], [registrationDate(i.issuedAt, false)]],
    signerCaption: 'NGƯỜI KÝ TRÍCH LỤC',
  };
}

/** Trích lục … (bản sao), the copy templates of the same circulars. */
function extractCopy(i: TemplateInput): ResultLayout {
  const v = i.values;
  const kind = (v.extractType ?? 'Trích lục hộ tịch').normalize('NFC');
  return {
    title: kind.toLocaleUpperCase('vi-VN'),
    subtitle: '(Bản sao)',
    parentInHeader: false,
    numberLines: numberLines(i.entry),
    dated: false,
    sections: [
      {
        title: 'Người được cấp bản sao trích lục',
        rows: [
          [c('Họ, chữ đệm, tên', v.subjectFullName)],
          [c('Ngày, tháng, năm sinh', dmy(v.subjectBirthDate))],
        ],
      },
      {
        title: 'Việc hộ tịch đã đăng ký',
        rows: [
          [c('Loại việc hộ tịch', kind)],
          [c('Nơi đã đăng ký hộ tịch', v.registrationPlace)],
          [c('Ngày đăng ký', dmy(v.registrationDate)), c('Số đăng ký', v.registrationNumber), c('Quyển số', v.registrationBook)],
        ],
      },
      {
        title: 'Người yêu cầu cấp bản sao',
        rows: [
          [c('Họ, chữ đệm, tên', v.applicantFullName), c('Quan hệ với người được cấp bản sao trích lục', v.relationToSubject)],
          [c('Số định danh cá nhân', v.applicantIdNumber)],
          [c('Nơi cư trú', v.applicantResidence)],
          [c('Số lượng bản sao được cấp', v.copies)],
        ],
      },
    ],
    closing: [
      [c('Bản sao cấp từ', `Cơ sở dữ liệu hộ tịch điện tử, ${registrationPlace(i.agencyName, i.provinceName)}`)],
      [c('Ngày, tháng, năm cấp bản sao', dmy(vnIso(i.issuedAt)))],
    ],
    signerCaption: 'NGƯỜI KÝ BẢN SAO TRÍCH LỤC',
  };
}

/** The copy certified from its original, with the statement of Nghị định 23/2015/NĐ-CP Điều 20. */
function certifiedCopy(i: TemplateInput): ResultLayout {
  const v = i.values;
  const iso = vnIso(i.issuedAt);
  const number = i.entry ? String(i.entry.number) : NOT_YET;
  const volume = i.entry ? `${i.entry.volume}-SCT/BS` : NOT_YET;
  return {
    title: 'BẢN SAO ĐIỆN TỬ ĐƯỢC CHỨNG THỰC TỪ BẢN CHÍNH',
    subtitle: null,
    parentInHeader: true,
    numberLines: [],
    dated: true,
    sections: [
      {
        title: 'Người yêu cầu chứng thực',
        rows: [[c('Họ, chữ đệm, tên', v.applicantFullName)], [c('Số định danh cá nhân', v.applicantIdNumber)], [c('Nơi cư trú', v.applicantResidence)]],
      },
      {
        title: 'Giấy tờ, văn bản được chứng thực',
        rows: [
          [c('Tên giấy tờ, văn bản', v.documentName)],
          [c('Cơ quan, tổ chức cấp', v.documentIssuer)],
          [c('Số bản chính', v.originalCount), c('Số trang của mỗi bản chính', v.pageCount), c('Số bản sao được chứng thực', v.copyCount)],
        ],
      },
    ],
    closing: [
      [c('', 'Chứng thực bản sao đúng với bản chính.')],
      [c('Số chứng thực', number), c('Quyển số', volume)],
      [c('', `${dateInWords(iso)} (${dmy(iso)})`)],
    ],
    signerCaption: 'NGƯỜI THỰC HIỆN CHỨNG THỰC',
  };
}

/** Any other procedure: the form's own sections, under the generic title. */
function generic(i: TemplateInput): ResultLayout {
  const v = i.values;
  const sections: ResultSection[] = i.form
    ? i.form.layout
        .map((s) => ({
          title: s.title,
          rows: s.fields
            .filter((f) => !f.name.startsWith('contact') && v[f.name])
            .map((f) => [c(f.label, f.widget === 'date' ? dmy(v[f.name]) : v[f.name])]),
        }))
        .filter((s) => s.rows.length > 0)
    : [{ title: null, rows: Object.entries(v).map(([k, x]) => [c(k, x)]) }];
  return {
    title: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    subtitle: null,
    parentInHeader: true,
    numberLines: [`Số: ${i.entry ? `${i.entry.number}/${i.entry.year}/KQ` : NOT_YET}`],
    dated: true,
    sections: [{ title: null, rows: [[c('Thủ tục hành chính', i.procedureName)]] }, ...sections],
    closing: [[c('Cơ quan giải quyết', registrationPlace(i.agencyName, i.provinceName))]],
    signerCaption: null,
  };
}

const TEMPLATES: Record<string, (i: TemplateInput) => ResultLayout> = {
  '1.001193': birth,
  '1.000894': marriage,
  '1.000656': death,
  '2.000635': extractCopy,
  '2.000908': certifiedCopy,
};

export function resultLayout(i: TemplateInput): ResultLayout {
  return (TEMPLATES[i.procedureCode] ?? generic)(i);
}

/** The form's fields a result must print (all but the contact details), for checking a template. */
export function printedFields(form: EForm): string[] {
  return formFields(form)
    .filter((f) => !f.name.startsWith('contact'))
    .map((f) => f.name);
}
