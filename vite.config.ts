// Web SPA (src/web) → dist/web, which the Fastify server serves in production.
// Dev: `npm run dev` runs this on :5173 and proxies the API to the server on :3000.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Every text file of the build is also written as .br (brotli, best quality) and .gz, once, so the
 * server sends the compressed file as it is (@fastify/static preCompressed) instead of compressing
 * each request (issue 15: the portal on a 3G line).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'dvc-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt|map)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

const api = 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  // The Type builders without the rest of TypeBox (see src/web/typebox-builders.ts).
  resolve: { alias: [{ find: /^typebox$/, replacement: fileURLToPath(new URL('./src/web/typebox-builders.ts', import.meta.url)) }] },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // antd is split by use like the app's own code: a page downloads the components it shows.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/docs': api,
      '/dev': api,
      '/healthz': api,
    },
  },
});
