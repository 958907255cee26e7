// The web builds the contract's schemas with its own few builders (typebox-builders.ts, aliased
// for `typebox` in vite.config.ts). Every schema exported by src/common/api must come out the same
// JSON both ways, or a form in the web would read a limit the server does not apply.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const apiDir = path.resolve(import.meta.dirname, '../common/api');
const modules = readdirSync(apiDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

type Exports = Record<string, unknown>;
const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;

async function load(file: string): Promise<Exports> {
  return (await import(/* @vite-ignore */ path.join(apiDir, file))) as Exports;
}

describe('the web’s TypeBox builders', () => {
  it('build every schema of every contract exactly as TypeBox does', async () => {
    vi.resetModules();
    const real = new Map<string, Exports>();
    for (const f of modules) real.set(f, await load(f));
    vi.resetModules();
    vi.doMock('typebox', async () => ({ ...(await vi.importActual<object>('typebox')), Type: (await import('./typebox-builders')).Type }));
    let compared = 0;
    try {
      for (const f of modules) {
        const lite = await load(f);
        for (const [name, value] of Object.entries(real.get(f)!)) {
          if (typeof value !== 'object' || value === null) continue;
          expect(json(lite[name]), `${f}: ${name}`).toEqual(json(value));
          compared++;
        }
      }
    } finally {
      vi.doUnmock('typebox');
      vi.resetModules();
    }
    // The contracts hold hundreds of schemas and endpoints; a comparison of nothing proves nothing.
    expect(compared).toBeGreaterThan(200);
  });

  it('mark optional properties the way Object reads them', async () => {
    const { Type } = await import('./typebox-builders');
    const s = Type.Object({ a: Type.String(), b: Type.Optional(Type.Integer({ maximum: 9 })) });
    expect(json(s)).toEqual({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer', maximum: 9 } } });
  });
});
