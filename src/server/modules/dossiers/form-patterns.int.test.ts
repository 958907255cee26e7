// E-form patterns that backtrack catastrophically ("^(a+)+$" on "aaaa…a!" takes seconds and
// freezes the server): the catalogue refuses to save one, and a form stored with one before that
// check (an old row) cannot freeze filing either: the submission is refused with a problem naming
// the field, the pattern is never run.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyId, citizenClient, KHAI_SINH, submitKhaiSinh } from '../../../../tests/support/dossiers.js';
import { Http } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { formFields, type EForm } from '../../../common/eform.js';
import { procedures } from '../procedures/tables.js';
import { UNPROVEN_FIELD_MESSAGE } from './form-validation.js';

const system = useTestSystem();
const EVIL = `${'a'.repeat(29)}!`;

interface Problem {
  code: string;
  message: string;
  details: { problems: unknown[] };
}

let procedureId: string;
let storedForm: EForm;
let camThanh: string;
let admin: Http;

beforeAll(async () => {
  const db = system().deps.db;
  const [p] = await db.select({ id: procedures.id, form: procedures.form }).from(procedures).where(eq(procedures.code, KHAI_SINH));
  procedureId = p!.id;
  storedForm = p!.form as EForm;
  camThanh = await agencyId(db, '000.01.15.H48');
  admin = new Http(system().app, '10.88.0.1');
  const res = await admin.login('officer', 'admin.demo');
  expect(res.statusCode, res.body).toBe(200);
});

/** The birth registration form with `pattern` on "Họ, chữ đệm, tên" of the child. */
function withNamePattern(pattern: string): EForm {
  const form = structuredClone(storedForm);
  form.schema.properties.childFullName = { ...form.schema.properties.childFullName, pattern };
  return form;
}

async function formInDb(): Promise<unknown> {
  const [p] = await system().deps.db.select({ form: procedures.form }).from(procedures).where(eq(procedures.id, procedureId));
  return p!.form;
}

describe('an e-form pattern that can backtrack', () => {
  it('is refused when the catalogue saves the form, which keeps the stored one', async () => {
    const before = await formInDb();
    for (const pattern of ['^(a+)+$', '(a|a)*$', '^(\\w+\\s?)*$']) {
      const res = await admin.put(`/api/admin/procedures/${procedureId}/form`, withNamePattern(pattern));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>()).toMatchObject({
        code: 'FORM_DEFINITION_INVALID',
        details: { problems: ['Biểu thức kiểm tra (pattern) của trường "childFullName" có thể gây treo hệ thống; hãy viết lại.'] },
      });
    }
    expect(await formInDb()).toEqual(before);
    const safe = await admin.put(`/api/admin/procedures/${procedureId}/form`, withNamePattern('^[\\p{L} ]+$'));
    expect(safe.statusCode, safe.body).toBe(200);
    await admin.put(`/api/admin/procedures/${procedureId}/form`, before);
  });

  it('stored before the check, refuses the submission naming the field instead of running it', async () => {
    const db = system().deps.db;
    await db.update(procedures).set({ form: withNamePattern('^(a+)+$') }).where(eq(procedures.id, procedureId));
    try {
      const h = await citizenClient(system().app);
      const label = formFields(storedForm).find((f) => f.name === 'childFullName')!.label;

      const res = await submitKhaiSinh(h, camThanh, { formData: { childFullName: EVIL } });
      expect(res.statusCode, res.body).toBe(400);
      const p = res.json<Problem>();
      expect(p.code).toBe('FORM_INVALID');
      expect(p.details.problems).toEqual([{ field: 'childFullName', label, message: UNPROVEN_FIELD_MESSAGE }]);
      expect(p.message).toContain(`${label} – quy tắc kiểm tra định dạng (pattern) của trường này trong biểu mẫu không an toàn`);

      // Autosave keeps what was typed (it checks nothing), and answers at once as well.
      const draft = await h.put(`/api/filing/${KHAI_SINH}/draft`, { agencyId: camThanh, formData: { childFullName: EVIL }, documents: [] });
      expect(draft.statusCode, draft.body).toBe(200);
      const again = (await h.get(`/api/filing/${KHAI_SINH}`)).json<{ draft: { formData: Record<string, string> } }>();
      expect(again.draft.formData.childFullName).toBe(EVIL);
      expect((await h.del(`/api/filing/${KHAI_SINH}/draft`)).statusCode).toBe(204);
    } finally {
      await db.update(procedures).set({ form: storedForm }).where(eq(procedures.id, procedureId));
    }
  });
});
