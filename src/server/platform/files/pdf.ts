// What every PDF the system renders shares: Noto Sans (SIL OFL 1.1, every Vietnamese letter with
// its tone marks) registered as regular / bold / italic, shaping that keeps the text layer exact,
// and the document collected into one Buffer.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatVnDateTime } from '../clock.js';

const require = createRequire(import.meta.url);
export const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
export const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');
export const FONT_ITALIC = require.resolve('@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf');

// fontkit's default 'ccmp' decomposes ị, ọ… into base + mark glyphs and pdfkit then maps the
// shared base glyph ("i") to the last text it drew ("ị"): the page looks right but copied or
// searched text is wrong. Without ccmp the precomposed glyphs are used and the text layer is exact.
export const SHAPING = { features: { ccmp: false } } as unknown as PDFKit.Mixins.TextOptions;

/** "Ngày 24 tháng 11 năm 2026", in Vietnam time. */
export function vnLongDate(d: Date): string {
  const [dd, mm, yyyy] = formatVnDateTime(d).slice(0, 10).split('/');
  return `Ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

/** A new document with the fonts 'regular', 'bold' and 'italic'; `done` resolves to its bytes after doc.end(). */
export function pdfDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.registerFont('italic', FONT_ITALIC);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
