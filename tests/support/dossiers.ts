// Filing "Đăng ký khai sinh" through the API, as the portal page does: the prefilled values plus
// what only the citizen knows, two papers, the receiving commune.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Reply } from '../../src/common/api/contract.js';
import { startFiling, submitOnline, uploadMyPaper } from '../../src/common/api/dossiers.js';
import type { Db } from '../../src/server/db/client.js';
import { agencies } from '../../src/server/modules/agencies/tables.js';
import { Http, PNG_1PX, tinyPdf } from './http.js';

export const KHAI_SINH = '1.001193';

export const CHILD = {
  childFullName: 'Nguyễn Minh Khang',
  childBirthDate: '2026-10-30',
  childSex: 'Nam',
  childBirthPlace: 'Bệnh viện Phụ sản Hà Nội, phường Láng, thành phố Hà Nội',
  childHometown: 'Xã Phù Đổng, thành phố Hà Nội',
};

export type Submitted = Reply<typeof submitOnline>;

export async function agencyId(db: Db, code: string): Promise<string> {
  const [a] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  if (!a) throw new Error(`no agency ${code}`);
  return a.id;
}

let ip = 1;
/** A citizen signed in with a password, from an address of its own. */
export async function citizenClient(app: FastifyInstance, login = '001090000001'): Promise<Http> {
  const h = new Http(app, `10.77.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`);
  const res = await h.login('citizen', login, 'Demo@2026');
  if (res.statusCode !== 200) throw new Error(`login failed ${res.body}`);
  return h;
}

/** Uploads a paper; returns its file id. */
export async function uploadPaper(h: Http, url: string = uploadMyPaper.url, name = 'giay-to.pdf', data = tinyPdf()): Promise<string> {
  const res = await h.upload(url, [{ name, data }]);
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** What the page sends: the prefilled values (editable ones as proposed). */
export async function prefilledValues(h: Http, code = KHAI_SINH): Promise<Record<string, string>> {
  const res = await h.get(`/api/filing/${code}`);
  if (res.statusCode !== 200) throw new Error(`filing ${code}: ${res.statusCode} ${res.body}`);
  return res.json<Reply<typeof startFiling>>().prefill.values;
}

/** Hình thức nhận kết quả of the filings below (required online, issue 15): the electronic copy. */
export const ELECTRONIC = { method: 'electronic' } as const;

/** Submits "Đăng ký khai sinh"; `over` replaces parts of the body (formData is merged). */
export async function submitKhaiSinh(h: Http, agency: string, over: Record<string, unknown> = {}) {
  const formData = { ...(await prefilledValues(h)), ...CHILD, ...((over.formData as object) ?? {}) };
  const documents = [
    { position: 1, fileId: await uploadPaper(h) },
    { position: 2, fileId: await uploadPaper(h, uploadMyPaper.url, 'chung-sinh.png', PNG_1PX) },
  ];
  return h.post(`/api/filing/${KHAI_SINH}/submit`, {
    agencyId: agency,
    documents,
    submissionKey: `key-${Math.random().toString(36).slice(2)}`,
    delivery: ELECTRONIC,
    ...over,
    formData,
  });
}
