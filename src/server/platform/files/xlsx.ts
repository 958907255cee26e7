// Real .xlsx files (exceljs). Exports are streamed: rows go to the response as they are read, so a
// 200,000-row export holds one batch in memory, not the whole sheet.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook with one sheet: a bold header row, then every row the batches yield. Errors while
 * reading end the stream with that error (the client sees a broken download, never a short file
 * that looks complete).
 */
export function streamSheet(
  sheetName: string,
  columns: SheetColumn[],
  batches: AsyncIterable<Record<string, unknown>[]>,
  opts: { title?: string } = {},
): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: opts.title ? 2 : 1 }] });
  void (async () => {
    if (opts.title) {
      const t = ws.addRow([opts.title]);
      t.font = { bold: true, size: 13 };
      t.commit();
    }
    ws.columns = columns.map((c) => ({ key: c.key, width: c.width ?? 20 }));
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      for (const r of batch) ws.addRow(columns.map((c) => r[c.key] ?? null)).commit();
      // Backpressure: read the next batch only once the client has taken what is written; stop
      // reading when the client went away.
      if (out.writableNeedDrain) await drainedOrClosed(out);
      if (out.destroyed) return;
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** A small workbook in memory (templates, reports): sheets of header + rows. */
export async function buildWorkbook(
  sheets: { name: string; title?: string; columns: SheetColumn[]; rows: Record<string, unknown>[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.title) ws.addRow([s.title]).font = { bold: true, size: 13 };
    ws.addRow(s.columns.map((c) => c.header)).font = { bold: true };
    s.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? 20));
    for (const r of s.rows) ws.addRow(s.columns.map((c) => r[c.key] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads every sheet's cell values as text rows (for imports and for tests that open exports).
 * exceljs unpacks the whole archive in memory: uploaded bytes must pass guardArchiveUpload
 * (zip-guard.ts, kind 'xlsx') first.
 */
export async function readWorkbook(data: Buffer): Promise<{ name: string; rows: string[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(Array.from(values, cellText));
    });
    return { name: ws.name, rows };
  });
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).normalize('NFC').trim();
}
