// `npm run build:server`: compiles src/server and src/common to dist-server/ (tsconfig.server.json)
// for `node dist-server/server/main.js`, and copies beside the code what it reads at run time from
// its own folder: the SQL migrations. (data/ and dist/web are found from the repository root, one
// level above dist-server/, as they are from src/.) The old output is removed first, so that a
// deleted source file never lingers in the build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist-server');

fs.rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });
fs.cpSync(path.join(root, 'src/server/db/migrations'), path.join(out, 'server/db/migrations'), { recursive: true });
