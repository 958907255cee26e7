// `node --import ./tests/support/record-imports.mjs …`: writes the URL of every ES module the
// process loads, one a line, to the file named by DVC_IMPORT_LOG. The production-start test reads
// it to show that a production process never loads a simulator or a development-only module.
import { register } from 'node:module';

const hooks = `
import fs from 'node:fs';
export async function load(url, context, nextLoad) {
  if (process.env.DVC_IMPORT_LOG) fs.appendFileSync(process.env.DVC_IMPORT_LOG, url + '\\n');
  return nextLoad(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
