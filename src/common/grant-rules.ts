// Who may grant which permission to whom (SPEC §3.4; seed 002 PL2 mục 1b, mục 2 Lưu ý, footnote 1).
// Pure rules: the service layer enforces them on every grant and revocation, the "Gán quyền người
// dùng" dialog uses them to say beforehand why a box cannot be ticked.
import { PERMISSION_GROUPS } from './permissions.js';
import { isEligibleAccountUnit } from './units.js';

/** The two administrator levels. They are roles of this system, not boxes of the seed's dialog. */
export const ADMIN_LEVELS = [
  { code: 'HIGH_ADMIN', label: 'Quản trị cấp cao (toàn quốc)' },
  { code: 'LEVEL1_ADMIN', label: 'Quản trị cấp 1 (Bộ, ngành, địa phương)' },
] as const;

/** Granted and revoked only by a high-level (national) administrator. */
export const NATIONAL_ONLY_PERMISSIONS: ReadonlySet<string> = new Set(['HIGH_ADMIN', 'LEVEL1_ADMIN', 'ADMIN_CUC_KSTTHC']);

export const GRANTABLE_PERMISSIONS: readonly string[] = [
  ...PERMISSION_GROUPS.flatMap((g) => g.permissions.map((p) => p.code)),
  ...ADMIN_LEVELS.map((l) => l.code),
];

const LABELS = new Map<string, string>([
  ...PERMISSION_GROUPS.flatMap((g) => g.permissions.map((p) => [p.code, p.label] as const)),
  ...ADMIN_LEVELS.map((l) => [l.code, l.label] as const),
]);

export function permissionLabel(code: string): string {
  return LABELS.get(code) ?? code;
}

export type AdminLevel = 'national' | 'level1' | null;

/** What an administrator's permissions make them: national, level 1 (own subtree), or neither. */
export function adminLevel(permissions: ReadonlySet<string>): AdminLevel {
  if (permissions.has('HIGH_ADMIN') || permissions.has('ADMIN_CUC_KSTTHC')) return 'national';
  if (permissions.has('LEVEL1_ADMIN')) return 'level1';
  return null;
}

export interface GrantTarget {
  userId: string;
  kind: string;
  /** PORTAL or VNPOST (Tổng công ty Bưu điện Việt Nam). */
  issuer: string;
  /** Names of the units the user is assigned to. */
  unitNames: readonly string[];
  /** Whether at least one of the user's units lies in the administrator's subtree. */
  inScope: boolean;
  /** The target's own administrator level (from their permissions). */
  level: AdminLevel;
}

export interface Grantor {
  userId: string;
  level: 'national' | 'level1';
}

/**
 * Why `grantor` may not change `target`'s account at all — status, units or permissions — in
 * Vietnamese; null when allowed. Only a high-level administrator acts on an administrator: a
 * level-1 administrator never changes an account of the same or a higher administrative level,
 * whichever unit it is assigned to (or none).
 */
export function manageProblem(grantor: Grantor, target: Pick<GrantTarget, 'userId' | 'level'>): string | null {
  if (grantor.level === 'national') return null;
  if (target.level !== null) {
    return 'Quản trị cấp 1 không được thay đổi tài khoản của quản trị viên cùng cấp hoặc cấp cao hơn (quản trị cấp 1, quản trị cấp cao, ADMIN CỤC KSTTHC); đề nghị quản trị cấp cao thực hiện.';
  }
  return null;
}

/** Permissions of the one-stop desk: only for officers assigned to a desk or service-centre unit. */
export const DESK_PERMISSIONS: ReadonlySet<string> = new Set(['CITIZEN_ACCOUNT_CREATE', 'DESK_RECEIVE', 'POSTAL_DESK']);

/**
 * Why `grantor` may not give (or take away) `permission` to/from `target`, in Vietnamese; null when
 * allowed. Revoking follows the same rules except the unit-name rule, so a permission given in
 * error can always be taken back.
 */
export function grantProblem(grantor: Grantor, target: GrantTarget, permission: string, op: 'grant' | 'revoke'): string | null {
  const label = permissionLabel(permission);
  if (!LABELS.has(permission)) return `Quyền "${permission}" không có trong danh mục quyền.`;
  if (grantor.userId === target.userId) return 'Quản trị viên không tự cấp hoặc thu hồi quyền của chính mình; đề nghị quản trị viên cấp trên thực hiện.';
  if (target.kind !== 'officer') return 'Chỉ tài khoản cán bộ, công chức mới được cấp quyền; tài khoản công dân và tổ chức không có quyền quản trị.';
  const rank = manageProblem(grantor, target);
  if (rank) return rank;
  // The postal desk permission is the one thing a Vietnam Post account can hold (ADR 0015), and
  // only such an account can hold it.
  if (op === 'grant' && permission === 'POSTAL_DESK' && target.issuer !== 'VNPOST') {
    return '"Nhận hồ sơ, trả kết quả (nhân viên Bưu điện)" chỉ cấp cho tài khoản do Tổng công ty Bưu điện Việt Nam cấp; cán bộ, công chức dùng quyền "Tiếp nhận, trả kết quả hồ sơ (Bộ phận Một cửa)".';
  }
  if (op === 'grant' && target.issuer === 'VNPOST' && permission !== 'POSTAL_DESK') {
    return 'Tài khoản do Tổng công ty Bưu điện Việt Nam cấp không được cấp quyền của cán bộ, công chức nhà nước.';
  }
  if (NATIONAL_ONLY_PERMISSIONS.has(permission) && grantor.level !== 'national') {
    return `Chỉ quản trị cấp cao mới được ${op === 'grant' ? 'cấp' : 'thu hồi'} "${label}".`;
  }
  if (grantor.level === 'level1' && !target.inScope) {
    return 'Người dùng chưa thuộc đơn vị nào trong phạm vi quản lý của bạn. Hãy gán người dùng vào đơn vị trước khi cấp quyền.';
  }
  // Feedback is answered for the agencies of the officer's units (feedback/service.ts): without a
  // unit the permission would answer nothing.
  if (op === 'grant' && permission === 'FEEDBACK_ANSWER' && target.unitNames.length === 0) {
    return `"${label}" chỉ có tác dụng với cơ quan của đơn vị được gán; hãy gán người dùng vào đơn vị trước khi cấp quyền.`;
  }
  if (op === 'grant' && DESK_PERMISSIONS.has(permission) && !target.unitNames.some(isEligibleAccountUnit)) {
    return `"${label}" chỉ được cấp cho người đã được gán vào đơn vị có tên chứa "Trung tâm phục vụ hành chính công" hoặc "Bộ phận một cửa".`;
  }
  return null;
}
