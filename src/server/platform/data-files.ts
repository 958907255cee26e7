// The reference data shipped in data/ (see data/SOURCES.md): the only place that knows where it is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

export function dataPath(name: string): string {
  return path.join(dataDir, name);
}

export function readDataJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(dataPath(name), 'utf8')) as T;
}
