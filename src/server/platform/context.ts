// What every service call receives: the process-wide dependencies, who is acting, and the
// request it belongs to (for the audit row).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from './clock.js';
import type { BlobStore } from './files/blob-store.js';
import type { JobRegistry } from './outbox.js';
import type { PopulationPort } from './population/port.js';
import type { LoadedSigner } from './signing/index.js';

export interface Deps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  config: Config;
  /** HMAC key for OTP codes. */
  secret: string;
  log: Logger;
  blobs: BlobStore;
  jobs: JobRegistry;
  /** The VNeID issuer to discover: config.vneid.issuer, or the in-process simulator's address. */
  vneidIssuer: string;
  /** Cơ sở dữ liệu quốc gia về dân cư (the HTTP adapter, pointed at the simulator in development). */
  population: PopulationPort;
  /** The key that signs e-results, and the CAs verification trusts (loaded on first use). */
  signing: () => Promise<LoadedSigner>;
}

export type UserKind = 'officer' | 'citizen' | 'organisation';

export interface Actor {
  userId: string;
  kind: UserKind;
  fullName: string;
  username: string | null;
  phone: string | null;
  permissions: ReadonlySet<string>;
  unitIds: readonly string[];
  mustChangePassword: boolean;
}

export interface Ctx {
  deps: Deps;
  actor: Actor | null;
  requestId: string;
  ip: string;
}
