// Reading a PDF the way a person would: its text through poppler's pdftotext (`layout` keeps the
// printed columns, `raw` gives reading order), and its page count through pdfinfo.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Buffer, read: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return read(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  return withFile(pdf, (file) =>
    execFileSync('pdftotext', [...(mode === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC'),
  );
}

export function pdfPageCount(pdf: Buffer): number {
  return withFile(pdf, (file) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]));
}
