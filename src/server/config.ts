// The ONLY place that reads process.env. Every setting is validated here and documented in the
// README's configuration table; a bad value stops start-up with a message naming the variable.
import path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  /** Connections in the PostgreSQL pool (DATABASE_URL only). */
  dbPoolSize: number;
  /** Seed demo accounts and agencies. Defaults to true without DATABASE_URL outside production. */
  demoData: boolean;
  /** HMAC key for OTPs. When unset outside production, main.ts keeps a generated one in dataDir. */
  secret: string | undefined;
  /** Secure cookies (HTTPS only). */
  cookieSecure: boolean;
  logLevel: string;
  sms: { transport: 'dev' | 'http'; httpUrl?: string; httpToken?: string; sender: string };
  email: { transport: 'dev' | 'smtp'; smtpUrl?: string; from: string };
  /** Run the outbox worker in this process. */
  worker: boolean;
  /** Serve the built SPA from dist/web. */
  serveWeb: boolean;
  /** Serve it from another folder instead (WEB_DIST: parallel work on one checkout builds into its own). */
  webDist?: string;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy). */
  trustProxy: boolean;
  /** Serve the OpenAPI page at /docs (off in production unless API_DOCS=true). */
  apiDocs: boolean;
  /** Minutes without a request after which a session ends: officers (back office) and citizens. */
  sessionIdleMinutes: { officer: number; citizen: number };
  /** The address citizens open in the browser (OIDC redirect URIs are built from it). */
  publicUrl: string;
  vneid: VneidConfig;
  population: PopulationConfig;
  signing: SigningConfig;
}

/** The key that signs electronic results (docs/decisions/0010-signed-results.md). */
export interface SigningConfig {
  /** PKCS#12 file with the signing key and its certificate chain; null = the demo CA in dataDir/signing. */
  p12Path: string | null;
  p12Password: string | null;
  /** PEM file with the CA certificate(s) that verification trusts. */
  caPemPath: string | null;
}

/** Cơ sở dữ liệu quốc gia về dân cư: HTTP adapter, or the local simulator (docs/integrations.md). */
export interface PopulationConfig {
  /** Base URL of the population database API (the simulator's address when it runs). */
  url: string | null;
  token: string;
  simulator: boolean;
  simulatorPort: number;
}

/** "Đăng nhập bằng VNeID": OpenID Connect, authorization code + PKCE. */
export interface VneidConfig {
  /** The issuer to discover (…/.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Run the local VNeID simulator (an OIDC provider with demo identities) in this process. */
  simulator: boolean;
  simulatorPort: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const v = str(env, name);
  if (v === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${v}"`);
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnvRaw = str(env, 'NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as NodeEnv;
  const production = nodeEnv === 'production';

  const portRaw = str(env, 'PORT') ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer 0–65535, got "${portRaw}"`);
  }

  const databaseUrl = str(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }

  const poolRaw = str(env, 'DB_POOL_SIZE') ?? '10';
  const dbPoolSize = Number(poolRaw);
  if (!Number.isInteger(dbPoolSize) || dbPoolSize < 1 || dbPoolSize > 200) {
    throw new ConfigError(`DB_POOL_SIZE must be an integer 1–200, got "${poolRaw}"`);
  }

  const secret = str(env, 'DVC_SECRET');
  if (production && (!secret || secret.length < 32)) {
    throw new ConfigError('DVC_SECRET (at least 32 characters) is required when NODE_ENV=production');
  }

  const demoData = bool(env, 'DEMO_DATA', !databaseUrl && !production);
  if (production && demoData) throw new ConfigError('DEMO_DATA cannot be enabled when NODE_ENV=production');

  const smsTransport = (str(env, 'SMS_TRANSPORT') ?? (production ? 'http' : 'dev')) as 'dev' | 'http';
  if (!['dev', 'http'].includes(smsTransport)) throw new ConfigError('SMS_TRANSPORT must be dev or http');
  const smsHttpUrl = str(env, 'SMS_HTTP_URL');
  if (smsTransport === 'http' && !smsHttpUrl) throw new ConfigError('SMS_HTTP_URL is required when SMS_TRANSPORT=http');

  const emailTransport = (str(env, 'EMAIL_TRANSPORT') ?? (production ? 'smtp' : 'dev')) as 'dev' | 'smtp';
  if (!['dev', 'smtp'].includes(emailTransport)) throw new ConfigError('EMAIL_TRANSPORT must be dev or smtp');
  const smtpUrl = str(env, 'SMTP_URL');
  if (emailTransport === 'smtp' && !smtpUrl) throw new ConfigError('SMTP_URL is required when EMAIL_TRANSPORT=smtp');
  if (production && (smsTransport === 'dev' || emailTransport === 'dev')) {
    throw new ConfigError('The dev SMS/e-mail transports cannot be used when NODE_ENV=production');
  }

  const publicUrl = (str(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('PUBLIC_URL must start with http:// or https://');

  const vneidIssuer = str(env, 'VNEID_ISSUER');
  const vneidSimulator = bool(env, 'VNEID_SIMULATOR', !production && !vneidIssuer);
  if (production && vneidSimulator) throw new ConfigError('VNEID_SIMULATOR cannot be enabled when NODE_ENV=production');
  const simPortRaw = str(env, 'VNEID_SIM_PORT') ?? '3100';
  const simulatorPort = Number(simPortRaw);
  if (!Number.isInteger(simulatorPort) || simulatorPort < 0 || simulatorPort > 65535) {
    throw new ConfigError(`VNEID_SIM_PORT must be an integer 0–65535, got "${simPortRaw}"`);
  }
  if (!vneidSimulator && !vneidIssuer) throw new ConfigError('VNEID_ISSUER is required unless VNEID_SIMULATOR=true');
  if (vneidIssuer && !/^https?:\/\//.test(vneidIssuer)) throw new ConfigError('VNEID_ISSUER must start with http:// or https://');
  const vneidSecret = str(env, 'VNEID_CLIENT_SECRET');
  if (!vneidSimulator && !vneidSecret) throw new ConfigError('VNEID_CLIENT_SECRET is required with VNEID_ISSUER');

  const populationUrl = str(env, 'POPULATION_URL');
  const populationSimulator = bool(env, 'POPULATION_SIMULATOR', !production && !populationUrl);
  if (production && populationSimulator) throw new ConfigError('POPULATION_SIMULATOR cannot be enabled when NODE_ENV=production');
  if (!populationSimulator && !populationUrl) throw new ConfigError('POPULATION_URL is required unless POPULATION_SIMULATOR=true');
  if (populationUrl && !/^https?:\/\//.test(populationUrl)) throw new ConfigError('POPULATION_URL must start with http:// or https://');
  const populationToken = str(env, 'POPULATION_TOKEN');
  if (!populationSimulator && !populationToken) throw new ConfigError('POPULATION_TOKEN is required with POPULATION_URL');
  const popPortRaw = str(env, 'POPULATION_SIM_PORT') ?? '3200';
  const populationPort = Number(popPortRaw);
  if (!Number.isInteger(populationPort) || populationPort < 0 || populationPort > 65535) {
    throw new ConfigError(`POPULATION_SIM_PORT must be an integer 0–65535, got "${popPortRaw}"`);
  }

  const signingP12Path = str(env, 'SIGNING_P12_PATH');
  // Not trimmed: a password may start or end with a space.
  const signingP12Password = env.SIGNING_P12_PASSWORD ? env.SIGNING_P12_PASSWORD : undefined;
  const signingCaPemPath = str(env, 'SIGNING_CA_PEM_PATH');
  if (production && !signingP12Path) {
    throw new ConfigError('SIGNING_P12_PATH (the PKCS#12 signing key) is required when NODE_ENV=production');
  }
  if (signingP12Path && !signingP12Password) throw new ConfigError('SIGNING_P12_PASSWORD is required with SIGNING_P12_PATH');
  if (signingP12Path && !signingCaPemPath) throw new ConfigError('SIGNING_CA_PEM_PATH is required with SIGNING_P12_PATH');
  if (!signingP12Path && (signingP12Password || signingCaPemPath)) {
    throw new ConfigError('SIGNING_P12_PASSWORD and SIGNING_CA_PEM_PATH need SIGNING_P12_PATH');
  }

  return {
    nodeEnv,
    port,
    host: str(env, 'HOST') ?? '0.0.0.0',
    dataDir: path.resolve(str(env, 'DATA_DIR') ?? './var'),
    databaseUrl,
    dbPoolSize,
    demoData,
    secret,
    cookieSecure: bool(env, 'COOKIE_SECURE', production),
    logLevel: str(env, 'LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    sms: {
      transport: smsTransport,
      httpUrl: smsHttpUrl,
      httpToken: str(env, 'SMS_HTTP_TOKEN'),
      sender: str(env, 'SMS_SENDER') ?? 'DVCQG',
    },
    email: { transport: emailTransport, smtpUrl, from: str(env, 'EMAIL_FROM') ?? 'Cổng Dịch vụ công <no-reply@dvc.local>' },
    worker: bool(env, 'OUTBOX_WORKER', true),
    serveWeb: bool(env, 'SERVE_WEB', true),
    webDist: str(env, 'WEB_DIST'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    apiDocs: bool(env, 'API_DOCS', !production),
    sessionIdleMinutes: {
      officer: minutes(env, 'SESSION_IDLE_MINUTES_OFFICER', 30),
      citizen: minutes(env, 'SESSION_IDLE_MINUTES_CITIZEN', 60),
    },
    publicUrl,
    vneid: {
      issuer: vneidIssuer ?? `http://localhost:${simulatorPort}`,
      clientId: str(env, 'VNEID_CLIENT_ID') ?? 'dvc-portal',
      clientSecret: vneidSecret ?? 'dvc-portal-dev-secret',
      simulator: vneidSimulator,
      simulatorPort,
    },
    population: {
      url: populationSimulator ? null : populationUrl!,
      token: populationToken ?? 'dvc-population-dev-token',
      simulator: populationSimulator,
      simulatorPort: populationPort,
    },
    signing: {
      p12Path: signingP12Path ? path.resolve(signingP12Path) : null,
      p12Password: signingP12Password ?? null,
      caPemPath: signingCaPemPath ? path.resolve(signingCaPemPath) : null,
    },
  };
}

/** A whole number of minutes between 1 and 720 (a session never outlives its 12 hours anyway). */
function minutes(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 720) throw new ConfigError(`${name} must be a whole number of minutes from 1 to 720, got "${raw}"`);
  return n;
}
