// The simulator's demo identities (data/vneid-demo-identities.json): invented people, one of whom
// is the seed's demo citizen so that linking an existing account can be tried.
import fs from 'node:fs';
import { dataPath } from '../platform/data-files.js';

export interface DemoIdentity {
  /** Stable OIDC subject of this person at the simulator. */
  sub: string;
  /** Số định danh cá nhân (12-digit CCCD). */
  cccd: string;
  name: string;
  /** YYYY-MM-DD */
  birthdate: string;
  gender: 'male' | 'female';
  /** Nơi thường trú. */
  address: string;
}

export const identitiesFile = dataPath('vneid-demo-identities.json');

export function loadDemoIdentities(file = identitiesFile): DemoIdentity[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { identities: DemoIdentity[] };
  for (const i of parsed.identities) {
    if (!i.sub || !/^\d{12}$/.test(i.cccd) || !i.name || !/^\d{4}-\d{2}-\d{2}$/.test(i.birthdate) || !['male', 'female'].includes(i.gender)) {
      throw new Error(`${file}: invalid demo identity ${JSON.stringify(i)}`);
    }
  }
  return parsed.identities;
}

/** The claims VNeID releases for a person (standard OIDC claims plus `cccd`). */
export function identityClaims(i: DemoIdentity) {
  return {
    sub: i.sub,
    name: i.name,
    birthdate: i.birthdate,
    gender: i.gender,
    address: { formatted: i.address },
    cccd: i.cccd,
  };
}
