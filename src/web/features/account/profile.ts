// What "Thông tin tài khoản" knows of the account (the contract's Profile) and how its verified
// fields are spoken of: "Đã xác thực VNeID" or "Đã xác thực tại Bộ phận Một cửa".
import type { Reply } from '../../../common/api/contract';
import type { getProfile } from '../../../common/api/profile';

export type Profile = Reply<typeof getProfile>;

/** A field the citizen may no longer edit (verified through VNeID or at the desk). */
export const isVerified = (p: Profile, field: string) => p.verifiedFields.includes(field);

/** The identity was checked by an officer at the desk (not through VNeID). */
export const verifiedByDesk = (p: Profile) => p.identityVerifiedBy === 'desk';
