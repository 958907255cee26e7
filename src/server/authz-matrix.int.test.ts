// The authorization matrix (issue 13): every route of the OpenAPI document × every demo role ×
// own / other's resource, against the rule table in authz-rules.ts. One test per route sends all
// its rows and reports every mismatch at once; another fails when a route has no rows, or a row no
// route. Fixtures are made once (beforeAll) and every row leaves them as they were for the others
// (see the header of authz-rules.ts), so the tests pass alone and in any order.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyId, submitKhaiSinh, uploadPaper, type Submitted } from '../../tests/support/dossiers.js';
import { addCitizen, addHanoiOfficer, addOfficerAccount, addUnit, uniqueAgencyCode, uniqueIdNumber, uniquePhone } from '../../tests/support/fixtures.js';
import { createDraft, Http, tinyPdf } from '../../tests/support/http.js';
import { useTestSystem } from '../../tests/support/system.js';
import { DENIAL_403, EXCLUDED_ROUTES, PROCEDURE_INPUT, ROLE_LOGINS, ROLES, RULES, type Case, type Fixtures, type Method, type Outcome, type Role, type RouteRule } from './authz-rules.js';
import { newId } from './platform/ids.js';
import { citizenDocuments, dossierDocuments } from './modules/dossiers/tables.js';
import { users } from './modules/users/tables.js';
import { notificationInbox } from './platform/notify/tables.js';

const system = useTestSystem();

const clients = {} as Record<Role, Http>;
let fx: Fixtures;
/** Each role calls from an address of its own (per-address sign-in limits stay per role). */
const ipOf = (role: Role) => `10.91.0.${ROLES.indexOf(role) + 1}`;

async function signIn(h: Http, role: Exclude<Role, 'anonymous'>): Promise<Http> {
  const { audience, login } = ROLE_LOGINS[role];
  const res = await h.login(audience, login);
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  return h;
}

function ok<T>(res: LightMyRequestResponse, what: string, status = [200, 201]): T {
  if (!status.includes(res.statusCode)) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** An officer list whose only row names a unit that does not exist: a preview that imports nothing. */
async function officerList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Biểu mẫu cung cấp thông tin công chức, viên chức Bộ phận Một cửa, Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã']);
  ws.addRow(['Đơn vị cung cấp: ma trận phân quyền']);
  ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']);
  ws.addRow(['1', 'Nguyễn Văn Nhập', 'Bộ phận Một cửa không tồn tại', '051090000999', '0398111222']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let xlsxFile: Buffer;

beforeAll(async () => {
  const sys = system();
  const { app } = sys;
  const db = sys.deps.db;
  const now = sys.clock.now();

  clients.anonymous = new Http(app, ipOf('anonymous'));
  await Promise.all(ROLES.filter((r): r is Exclude<Role, 'anonymous'> => r !== 'anonymous').map(async (r) => (clients[r] = await signIn(new Http(app, ipOf(r)), r))));
  xlsxFile = await officerList();

  // The other citizen: a resident of the population simulator whose identity counts as verified.
  const hoa = await addCitizen(db, now, { idNumber: '001192000456', fullName: 'Phạm Thị Hoa', birthDate: '1992-09-03', sex: 'female' });
  await db.update(users).set({ identityVerifiedAt: now, identityVerifiedBy: 'vneid', sex: 'female' }).where(eq(users.id, hoa.id));
  const other = new Http(app, '10.91.1.1');
  if ((await other.login('citizen', hoa.idNumber)).statusCode !== 200) throw new Error('login of the other citizen failed');
  const [an] = await db.select({ id: users.id }).from(users).where(eq(users.idNumber, '001090000001'));

  const [wardId, ward2Id, deskId, desk2Id] = await Promise.all(
    ['000.01.15.H48', '000.02.15.H48', '000.15.15.H48', '000.17.15.H48'].map((code) => agencyId(db, code)),
  );
  const hanoi = await addHanoiOfficer(db, now);
  const unit = (name: string, parentId: string, provinceCode: string, status: 'active' | 'inactive' = 'active') =>
    addUnit(db, now, { code: uniqueAgencyCode(provinceCode === '01' ? 'H26' : 'H48'), name, kind: 'department', parentId, provinceCode, status });

  // Dossiers: three of the demo citizen at Cẩm Thành, one of the other citizen at Nghĩa Lộ.
  const file = async (h: Http, agency: string) => ok<Submitted>(await submitKhaiSinh(h, agency), 'submit');
  const own = await file(clients.citizen, wardId!);
  const ownNew = await file(clients.citizen, wardId!);
  const ownWithdraw = await file(clients.citizen, wardId!);
  const oth = await file(other, ward2Id!);
  ok(await clients.motcua.post(`/api/desk/dossiers/${own.id}/receive`, {}), 'receive');
  ok(await clients.motcua.post(`/api/work/dossiers/${own.id}/actions/start`, {}), 'start');
  const paperOf = async (dossierId: string) =>
    (await db.select({ fileId: dossierDocuments.fileId }).from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId)).limit(1))[0]!.fileId;
  const storeItem = async (h: Http, ownerId: string) => {
    const id = newId();
    await db.insert(citizenDocuments).values({ id, ownerId, title: 'Giấy tờ của ma trận', kind: 'upload', fileId: await uploadPaper(h), dossierId: null, createdAt: now });
    return id;
  };
  // The filings above sent each citizen an SMS, copied into their "Thông báo".
  const inboxMessageOf = async (accountId: string) => {
    const [m] = await db.select({ id: notificationInbox.id }).from(notificationInbox).where(eq(notificationInbox.accountId, accountId)).limit(1);
    if (!m) throw new Error('fixture: no message in the inbox');
    return m.id;
  };
  const contactChange = async (h: Http, value: string) => ok<{ id: string }>(await h.post('/api/profile/contact-changes', { channel: 'email', value }), 'contact change').id;

  const draft = async (h: Http) => {
    const d = await createDraft(h, { idNumber: uniqueIdNumber({ birthYear: 1994 }), phone: uniquePhone() });
    return { ...d, attachmentId: (d as unknown as { attachment: { id: string } }).attachment.id };
  };
  const ownRequest = await draft(clients.motcua);
  const otherRequest = await draft(clients.motcua2);

  const setup = new Http(app, '10.91.1.2');
  const registration = ok<{ id: string }>(
    await setup.post('/api/registrations', { kind: 'citizen', idNumber: uniqueIdNumber(), fullName: 'Trần Văn Đăng Ký', birthDate: '1990-01-01', phone: uniquePhone() }),
    'registration',
  );
  const reset = ok<{ id: string }>(await setup.post('/api/auth/password-resets', { login: 'khong.ton.tai.fixture' }), 'password reset');
  const preview = async (h: Http) => ok<{ id: string }>(await h.upload('/api/admin/officer-imports', [{ name: 'danh-sach.xlsx', data: xlsxFile, type: XLSX }]), 'import').id;
  const procedure = ok<{ id: string; documents: { id: string }[] }>(await clients.admin.post('/api/admin/procedures', PROCEDURE_INPUT), 'procedure');

  fx = {
    citizenId: an!.id,
    wardId: wardId!,
    ward2Id: ward2Id!,
    deskId: deskId!,
    desk2Id: desk2Id!,
    qnUnitId: await unit('Tổ thử nghiệm phường Cẩm Thành', wardId!, '51'),
    qnInactiveUnitId: await unit('Tổ đã giải thể phường Cẩm Thành', wardId!, '51', 'inactive'),
    hanoiUnitId: hanoi.unitId,
    hanoiUnit2Id: await unit('Tổ thử nghiệm phường Ba Đình', hanoi.unitId, '01'),
    hanoiInactiveUnitId: await unit('Tổ đã giải thể phường Ba Đình', hanoi.unitId, '01', 'inactive'),
    qnOfficerId: (await addOfficerAccount(db, now, { unitIds: [deskId!] })).id,
    hanoiOfficerId: hanoi.officerId,
    dossierOwn: own.id,
    dossierOwnCode: own.code,
    dossierOwnNew: ownNew.id,
    dossierOwnWithdraw: ownWithdraw.id,
    dossierOther: oth.id,
    paperOwn: await paperOf(own.id),
    paperOther: await paperOf(oth.id),
    storeOwn: await storeItem(clients.citizen, an!.id),
    storeOther: await storeItem(other, hoa.id),
    contactChangeOwn: await contactChange(clients.citizen, 'an.ma.tran@example.vn'),
    contactChangeOther: await contactChange(other, 'hoa.ma.tran@example.vn'),
    notificationOwn: await inboxMessageOf(an!.id),
    notificationOther: await inboxMessageOf(hoa.id),
    requestOwn: ownRequest.id,
    requestOwnIdNumber: ownRequest.idNumber,
    requestOwnPhone: ownRequest.phone,
    attachmentOwn: ownRequest.attachmentId,
    requestOther: otherRequest.id,
    requestOtherIdNumber: otherRequest.idNumber,
    requestOtherPhone: otherRequest.phone,
    attachmentOther: otherRequest.attachmentId,
    freshIdNumber: uniqueIdNumber({ birthYear: 1994 }),
    registrationId: registration.id,
    passwordResetId: reset.id,
    importByAdmin: await preview(clients.admin),
    importByQngai: await preview(clients.qngai),
    discardByAdmin: await preview(clients.admin),
    discardByQngai: await preview(clients.qngai),
    procedureId: procedure.id,
    procedureDocumentId: procedure.documents[0]!.id,
  };
}, 120_000);

// ---------------------------------------------------------------------------------------------

interface Seen {
  outcome: Outcome | 'broken';
  detail: string;
}

/** What the answer means for authorization (authz-rules.ts header). */
function classify(res: LightMyRequestResponse, passCodes: readonly string[]): Seen {
  const status = res.statusCode;
  let body: { code?: string; details?: { validation?: unknown } } = {};
  try {
    body = res.json();
  } catch {
    /* not JSON: a file, a redirect, an empty 204 */
  }
  const detail = `${status}${body.code ? ` ${body.code}` : ''}`;
  if (status < 400) return { outcome: 'allow', detail };
  if (status >= 500) return { outcome: 'broken', detail: `${detail} (server error)` };
  // The route's schema refused the request before the handler ran: the row says nothing.
  if (status === 400 && body.details?.validation) return { outcome: 'broken', detail: `${detail}: the row's request fails the route schema ${JSON.stringify(body.details.validation)}` };
  if (status === 401) return { outcome: body.code === 'NOT_AUTHENTICATED' ? '401' : 'allow', detail };
  if (status === 403) {
    if (body.code && passCodes.includes(body.code)) return { outcome: 'allow', detail };
    if ((DENIAL_403 as readonly string[]).includes(body.code ?? '')) return { outcome: '403', detail };
    return { outcome: 'broken', detail: `${detail} (not an authorization code)` };
  }
  if (status === 404) return { outcome: body.code && passCodes.includes(body.code) ? 'allow' : '404', detail };
  return { outcome: 'allow', detail };
}

function urlOf(rule: RouteRule, c: Case): string {
  const path = rule.route.slice(rule.route.indexOf(' ') + 1);
  const params = c.params?.(fx) ?? {};
  let url = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${rule.route} (${c.of}): no value for :${name}`);
    return encodeURIComponent(value);
  });
  const query = c.query?.(fx);
  if (query) url += `?${new URLSearchParams(query).toString()}`;
  return url;
}

function send(h: Http, method: Method, url: string, c: Case): Promise<LightMyRequestResponse> {
  if (c.upload) {
    if (method !== 'POST') throw new Error(`${method} ${url}: uploads are POST`);
    return h.upload(url, [c.upload === 'pdf' ? { name: 'giay-to.pdf', data: tinyPdf() } : { name: 'danh-sach.xlsx', data: xlsxFile, type: XLSX }]);
  }
  if (method === 'GET') return h.get(url);
  return h.send(method, url, c.body?.(fx));
}

async function check(rule: RouteRule): Promise<string[]> {
  const method = rule.route.slice(0, rule.route.indexOf(' ')) as Method;
  const problems: string[] = [];
  for (const c of rule.cases) {
    const url = urlOf(rule, c);
    await Promise.all(
      ROLES.map(async (role) => {
        const fresh = rule.session && role !== 'anonymous';
        const h = fresh ? await signIn(new Http(system().app, ipOf(role)), role) : clients[role];
        const seen = classify(await send(h, method, url, c), rule.passCodes ?? []);
        if (rule.session === 'fresh-relogin' && role !== 'anonymous') await signIn(clients[role], role);
        if (seen.outcome !== c.expect[role]) {
          const who = role === 'anonymous' ? 'anonymous' : ROLE_LOGINS[role].login;
          problems.push(`${who} — ${c.of}: expected ${c.expect[role]}, got ${seen.detail}`);
        }
      }),
    );
  }
  return problems.sort();
}

describe('authorization matrix', () => {
  it('has rows for every route of the API, and no row for a route that does not exist', () => {
    const doc = system().app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'head' && m !== 'parameters')
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const tabled = RULES.map((r) => r.route as string);
    const relevant = routes.filter((r) => !EXCLUDED_ROUTES.some((e) => e.pattern.test(r)));
    expect({
      'routes without rows in authz-rules.ts': relevant.filter((r) => !tabled.includes(r)),
      'rows for routes that do not exist': tabled.filter((r) => !routes.includes(r)),
      'routes with two entries': tabled.filter((r, i) => tabled.indexOf(r) !== i),
      'rows for excluded routes': tabled.filter((r) => EXCLUDED_ROUTES.some((e) => e.pattern.test(r))),
      'entries without cases': RULES.filter((r) => r.cases.length === 0).map((r) => r.route),
    }).toEqual({
      'routes without rows in authz-rules.ts': [],
      'rows for routes that do not exist': [],
      'routes with two entries': [],
      'rows for excluded routes': [],
      'entries without cases': [],
    });
  });

  for (const rule of RULES) {
    it(`${rule.route} — ${rule.rule}`, async () => {
      expect(await check(rule)).toEqual([]);
    });
  }
});
