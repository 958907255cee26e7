import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

// A complete production environment except for the signing key.
const PROD_BUT_SIGNING = {
  NODE_ENV: 'production',
  DVC_SECRET: 'x'.repeat(32),
  SMS_HTTP_URL: 'http://s',
  SMTP_URL: 'smtp://m',
  VNEID_ISSUER: 'https://id.vn',
  VNEID_CLIENT_SECRET: 's',
  POPULATION_URL: 'https://p',
  POPULATION_TOKEN: 't',
};

describe('loadConfig', () => {
  it('works with no settings at all: port 3000, ./var, PGlite, demo data, dev transports', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: path.resolve('./var'), databaseUrl: undefined, demoData: true, nodeEnv: 'development' });
    expect(c.sms.transport).toBe('dev');
    expect(c.email.transport).toBe('dev');
  });
  it('runs the VNeID simulator outside production, and uses the configured issuer otherwise', () => {
    expect(loadConfig({}).vneid).toMatchObject({ simulator: true, issuer: 'http://localhost:3100', clientId: 'dvc-portal' });
    expect(loadConfig({ PUBLIC_URL: 'https://dichvucong.example.vn/' }).publicUrl).toBe('https://dichvucong.example.vn');
    const prod = loadConfig({
      NODE_ENV: 'production',
      DVC_SECRET: 'x'.repeat(32),
      SMS_HTTP_URL: 'http://s',
      SMTP_URL: 'smtp://m',
      VNEID_ISSUER: 'https://sso.vneid.example',
      VNEID_CLIENT_SECRET: 's3cret',
      POPULATION_URL: 'https://dancu.example.gov.vn/api',
      POPULATION_TOKEN: 'tok',
      SIGNING_P12_PATH: '/etc/dvc/ky-so.p12',
      SIGNING_P12_PASSWORD: ' mật khẩu ',
      SIGNING_CA_PEM_PATH: '/etc/dvc/ca.pem',
    });
    expect(prod.vneid).toMatchObject({ simulator: false, issuer: 'https://sso.vneid.example', clientSecret: 's3cret' });
    expect(prod.population).toMatchObject({ simulator: false, url: 'https://dancu.example.gov.vn/api', token: 'tok' });
    expect(loadConfig({}).population).toMatchObject({ simulator: true, url: null, simulatorPort: 3200 });
    expect(prod.signing).toEqual({ p12Path: '/etc/dvc/ky-so.p12', p12Password: ' mật khẩu ', caPemPath: '/etc/dvc/ca.pem' });
  });
  it('signs with the demo CA in dataDir unless a PKCS#12 key is configured', () => {
    expect(loadConfig({}).signing).toEqual({ p12Path: null, p12Password: null, caPemPath: null });
    expect(loadConfig({ SIGNING_P12_PATH: 'keys/ky.p12', SIGNING_P12_PASSWORD: 'x', SIGNING_CA_PEM_PATH: 'keys/ca.pem' }).signing).toEqual({
      p12Path: path.resolve('keys/ky.p12'),
      p12Password: 'x',
      caPemPath: path.resolve('keys/ca.pem'),
    });
  });
  it('turns demo data off with a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demoData).toBe(false);
  });
  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ NODE_ENV: 'production' }, /DVC_SECRET/],
    [{ SMS_TRANSPORT: 'http' }, /SMS_HTTP_URL/],
    [{ DEMO_DATA: 'maybe' }, /DEMO_DATA/],
    [{ NODE_ENV: 'production', DVC_SECRET: 'x'.repeat(32), SMS_HTTP_URL: 'http://s', SMTP_URL: 'smtp://m', DEMO_DATA: 'true' }, /DEMO_DATA/],
    [{ PUBLIC_URL: 'dvc.gov.vn' }, /PUBLIC_URL/],
    [{ NODE_ENV: 'production', DVC_SECRET: 'x'.repeat(32), SMS_HTTP_URL: 'http://s', SMTP_URL: 'smtp://m' }, /VNEID_ISSUER/],
    [{ NODE_ENV: 'production', DVC_SECRET: 'x'.repeat(32), SMS_HTTP_URL: 'http://s', SMTP_URL: 'smtp://m', VNEID_ISSUER: 'https://id.vn' }, /VNEID_CLIENT_SECRET/],
    [{ NODE_ENV: 'production', DVC_SECRET: 'x'.repeat(32), SMS_HTTP_URL: 'http://s', SMTP_URL: 'smtp://m', VNEID_SIMULATOR: 'true' }, /VNEID_SIMULATOR/],
    [{ VNEID_SIM_PORT: '70000' }, /VNEID_SIM_PORT/],
    [{ NODE_ENV: 'production', DVC_SECRET: 'x'.repeat(32), SMS_HTTP_URL: 'http://s', SMTP_URL: 'smtp://m', VNEID_ISSUER: 'https://id.vn', VNEID_CLIENT_SECRET: 's' }, /POPULATION_URL/],
    [{ NODE_ENV: 'production', DVC_SECRET: 'x'.repeat(32), SMS_HTTP_URL: 'http://s', SMTP_URL: 'smtp://m', VNEID_ISSUER: 'https://id.vn', VNEID_CLIENT_SECRET: 's', POPULATION_URL: 'https://p' }, /POPULATION_TOKEN/],
    [{ NODE_ENV: 'production', DVC_SECRET: 'x'.repeat(32), SMS_HTTP_URL: 'http://s', SMTP_URL: 'smtp://m', VNEID_ISSUER: 'https://id.vn', VNEID_CLIENT_SECRET: 's', POPULATION_SIMULATOR: 'true' }, /POPULATION_SIMULATOR/],
    [{ POPULATION_URL: 'dancu.gov.vn' }, /POPULATION_URL/],
    [{ POPULATION_SIM_PORT: '-1' }, /POPULATION_SIM_PORT/],
    [{ ...PROD_BUT_SIGNING }, /SIGNING_P12_PATH/],
    [{ SIGNING_P12_PATH: 'k.p12', SIGNING_CA_PEM_PATH: 'ca.pem' }, /SIGNING_P12_PASSWORD/],
    [{ SIGNING_P12_PATH: 'k.p12', SIGNING_P12_PASSWORD: 'x' }, /SIGNING_CA_PEM_PATH/],
    [{ SIGNING_CA_PEM_PATH: 'ca.pem' }, /SIGNING_P12_PATH/],
  ])('refuses %j naming the variable', (env, msg) => {
    expect(() => loadConfig(env)).toThrow(msg);
  });
});
