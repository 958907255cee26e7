import { createCa, issueSigningCert } from '../../platform/signing/ca.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraft, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { loadConfig } from '../../config.js';
import { createSystem } from '../../system.js';
import type { getCsrfToken } from '../../../common/api/auth.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listDevOutbox } from '../../../common/api/dev.js';

const system = useTestSystem();

describe('dev outbox', () => {
  it('lists every message sent, newest first, as JSON and as a page', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const d = await createDraft(officer);
    await officer.post(`/api/citizen-account-requests/${d.id}/otp`);
    await system().deliver();
    const list = (await system().app.inject({ method: 'GET', url: '/api/dev/outbox' })).json<Reply<typeof listDevOutbox>>();
    expect(list[0]).toEqual({
      id: expect.any(String),
      channel: 'sms',
      to: '0351239999',
      subject: null,
      body: expect.stringMatching(/^Mã OTP tạo tài khoản Cổng Dịch vụ công của bạn là \d{6}, có hiệu lực trong 2 phút\./),
      createdAt: expect.any(String),
    });
    const page = await system().app.inject({ method: 'GET', url: '/dev/outbox' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Hộp thư thử nghiệm');
    expect(page.body).toContain('0351239999');
  });
});

describe('OpenAPI', () => {
  it('publishes the API at /docs', async () => {
    expect((await system().app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
    const spec = (await system().app.inject({ method: 'GET', url: '/docs/json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/citizen-account-requests', '/api/citizen-account-requests/{id}/otp', '/api/auth/login', '/healthz']));
  });

  it('answers unknown API paths with a Vietnamese problem response', async () => {
    const res = await system().app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy nội dung yêu cầu.' });
  });
});

describe('production', () => {
  it('has no dev outbox and no demo accounts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-prod-'));
    // A province's own CA and signing key (production refuses the demo CA and checks the key at start).
    const ca = createCa('CA tỉnh thử nghiệm');
    fs.writeFileSync(path.join(dataDir, 'ky.p12'), issueSigningCert(ca, { commonName: 'UBND tỉnh thử nghiệm', organization: 'dvc' }, 'mat-khau-p12'));
    fs.writeFileSync(path.join(dataDir, 'ca.pem'), ca.certPem);
    const prod = await createSystem(
      loadConfig({
        NODE_ENV: 'production',
        DVC_SECRET: 'x'.repeat(40),
        SMS_TRANSPORT: 'http',
        SMS_HTTP_URL: 'http://127.0.0.1:9/sms',
        EMAIL_TRANSPORT: 'smtp',
        SMTP_URL: 'smtp://127.0.0.1:9',
        VNEID_ISSUER: 'https://vneid.invalid',
        VNEID_CLIENT_SECRET: 'x'.repeat(32),
        POPULATION_URL: 'https://dancu.invalid',
        POPULATION_TOKEN: 'x'.repeat(32),
        DATA_DIR: dataDir,
        OUTBOX_WORKER: 'false',
        SIGNING_P12_PATH: path.join(dataDir, 'ky.p12'),
        SIGNING_P12_PASSWORD: 'mat-khau-p12',
        SIGNING_CA_PEM_PATH: path.join(dataDir, 'ca.pem'),
      }),
      { inMemory: true },
    );
    try {
      expect((await prod.app.inject({ method: 'GET', url: '/api/dev/outbox' })).statusCode).toBe(404);
      expect((await prod.app.inject({ method: 'GET', url: '/dev/outbox' })).statusCode).toBe(404);
      const csrf = await prod.app.inject({ method: 'GET', url: '/api/auth/csrf' });
      const login = await prod.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie: csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': csrf.json<Reply<typeof getCsrfToken>>().token },
        payload: { audience: 'officer', login: 'motcua.demo', password: 'Demo@2026' },
      });
      expect(login.statusCode).toBe(401);
    } finally {
      await prod.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
