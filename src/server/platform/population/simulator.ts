// The population database for development and tests: the invented residents of
// data/population-demo.json behind the production adapter's HTTP contract.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { readDataJson } from '../data-files.js';
import type { PopulationRecord } from './port.js';

export interface PopulationSimulator {
  url: string;
  close(): Promise<void>;
}

export function demoResidents(): PopulationRecord[] {
  return readDataJson<{ citizens: PopulationRecord[] }>('population-demo.json').citizens;
}

export async function startPopulationSimulator(opts: { port: number; token: string; log: Logger }): Promise<PopulationSimulator> {
  const residents = new Map(demoResidents().map((r) => [r.idNumber, r]));
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${opts.token}`) return send(401, { error: 'unauthorized' });
    const m = /^\/v1\/citizens\/(\d{12})$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !m) return send(404, { error: 'not_found' });
    const r = residents.get(m[1]!);
    return r ? send(200, r) : send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  opts.log.info({ url }, 'population database simulator listening');
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
