import { describe, expect, it } from 'vitest';
import { adminLevel, grantProblem, manageProblem, type GrantTarget, type Grantor } from './grant-rules.js';

const national: Grantor = { userId: 'admin', level: 'national' };
const level1: Grantor = { userId: 'qngai', level: 'level1' };
const officer = (over: Partial<GrantTarget> = {}): GrantTarget => ({
  userId: 'u1',
  kind: 'officer',
  issuer: 'PORTAL',
  unitNames: ['Bộ phận Một cửa phường Cẩm Thành'],
  inScope: true,
  level: null,
  ...over,
});

describe('adminLevel', () => {
  it('reads the administrator level from the permissions', () => {
    expect(adminLevel(new Set(['HIGH_ADMIN']))).toBe('national');
    expect(adminLevel(new Set(['ADMIN_CUC_KSTTHC']))).toBe('national');
    expect(adminLevel(new Set(['LEVEL1_ADMIN', 'USER_CREATE']))).toBe('level1');
    expect(adminLevel(new Set(['CITIZEN_ACCOUNT_CREATE', 'USER_CREATE']))).toBeNull();
  });
});

describe('grantProblem', () => {
  it('allows "Quyền tạo tài khoản công dân" to an officer of a one-stop unit or service centre', () => {
    expect(grantProblem(level1, officer(), 'CITIZEN_ACCOUNT_CREATE', 'grant')).toBeNull();
    const centre = officer({ unitNames: ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG tỉnh Lào Cai'] });
    expect(grantProblem(national, centre, 'CITIZEN_ACCOUNT_CREATE', 'grant')).toBeNull();
  });

  it('refuses it to an officer whose units do not carry the full name, and says why', () => {
    const dept = officer({ unitNames: ['Phòng Văn hóa - Xã hội phường Cẩm Thành', 'BPMC huyện A'] });
    expect(grantProblem(national, dept, 'CITIZEN_ACCOUNT_CREATE', 'grant')).toContain('Bộ phận một cửa');
    // Other permissions are not tied to the unit name, and a mistaken grant can be taken back.
    expect(grantProblem(national, dept, 'DOSSIER_MONITOR', 'grant')).toBeNull();
    expect(grantProblem(national, dept, 'CITIZEN_ACCOUNT_CREATE', 'revoke')).toBeNull();
  });

  it('never grants to an account of Tổng công ty Bưu điện Việt Nam, but lets it be revoked', () => {
    const postal = officer({ issuer: 'VNPOST' });
    for (const p of ['CITIZEN_ACCOUNT_CREATE', 'ECERT_SIGN', 'DOSSIER_MONITOR']) {
      expect(grantProblem(national, postal, p, 'grant')).toContain('Bưu điện Việt Nam');
    }
    expect(grantProblem(national, postal, 'CITIZEN_ACCOUNT_CREATE', 'revoke')).toBeNull();
  });

  it('keeps administrator levels and ADMIN CỤC KSTTHC for the high-level administrator', () => {
    for (const p of ['HIGH_ADMIN', 'LEVEL1_ADMIN', 'ADMIN_CUC_KSTTHC']) {
      expect(grantProblem(level1, officer(), p, 'grant')).toContain('quản trị cấp cao');
      expect(grantProblem(level1, officer(), p, 'revoke')).toContain('quản trị cấp cao');
      expect(grantProblem(national, officer(), p, 'grant')).toBeNull();
    }
  });

  it('gives "Trả lời phản ánh, kiến nghị" to an officer of any unit, never to one without a unit', () => {
    expect(grantProblem(national, officer({ unitNames: ['UBND phường Cẩm Thành'] }), 'FEEDBACK_ANSWER', 'grant')).toBeNull();
    expect(grantProblem(national, officer({ unitNames: [] }), 'FEEDBACK_ANSWER', 'grant')).toContain('gán người dùng vào đơn vị');
    expect(grantProblem(national, officer({ unitNames: [] }), 'FEEDBACK_ANSWER', 'revoke')).toBeNull();
    expect(grantProblem(national, officer({ issuer: 'VNPOST' }), 'FEEDBACK_ANSWER', 'grant')).toContain('Bưu điện Việt Nam');
  });

  it('keeps a level-1 administrator to users of their subtree', () => {
    expect(grantProblem(level1, officer({ inScope: false }), 'DOSSIER_MONITOR', 'grant')).toContain('phạm vi quản lý');
    expect(grantProblem(national, officer({ inScope: false }), 'DOSSIER_MONITOR', 'grant')).toBeNull();
  });

  it('refuses citizens, one\'s own account and codes outside the catalogue', () => {
    expect(grantProblem(national, officer({ kind: 'citizen' }), 'DOSSIER_MONITOR', 'grant')).toContain('cán bộ');
    expect(grantProblem(national, officer({ userId: 'admin' }), 'DOSSIER_MONITOR', 'grant')).toContain('chính mình');
    expect(grantProblem(national, officer(), 'SUPERUSER', 'grant')).toContain('không có trong danh mục');
  });
});

describe('administrators of the same or a higher level (issue 13)', () => {
  it('refuses a level-1 administrator any change to a level-1 or high-level administrator, in or out of the province', () => {
    for (const level of ['level1', 'national'] as const) {
      for (const inScope of [true, false]) {
        const admin = officer({ level, inScope, unitNames: inScope ? ['UBND tỉnh Quảng Ngãi'] : [] });
        expect(manageProblem(level1, admin)).toContain('cùng cấp hoặc cấp cao hơn');
        for (const p of ['DOSSIER_MONITOR', 'USER_CREATE']) {
          expect(grantProblem(level1, admin, p, 'grant')).toContain('cùng cấp hoặc cấp cao hơn');
          expect(grantProblem(level1, admin, p, 'revoke')).toContain('cùng cấp hoặc cấp cao hơn');
        }
      }
    }
  });

  it('lets a level-1 administrator act on officers who are not administrators, and the high-level one on anybody', () => {
    expect(manageProblem(level1, officer())).toBeNull();
    expect(manageProblem(national, officer({ level: 'national' }))).toBeNull();
    expect(manageProblem(national, officer({ level: 'level1' }))).toBeNull();
  });
});

describe('the desk permissions (issue 13)', () => {
  it('gives "Tiếp nhận, trả kết quả hồ sơ" only to officers of a one-stop unit or service centre', () => {
    expect(grantProblem(level1, officer(), 'DESK_RECEIVE', 'grant')).toBeNull();
    const leader = officer({ unitNames: ['UBND phường Cẩm Thành'] });
    expect(grantProblem(national, leader, 'DESK_RECEIVE', 'grant')).toContain('Bộ phận một cửa');
    expect(grantProblem(national, leader, 'DESK_RECEIVE', 'revoke')).toBeNull();
  });

  it('gives a Vietnam Post account the postal desk permission and nothing else, and nobody else that one', () => {
    const postal = officer({ issuer: 'VNPOST' });
    expect(grantProblem(national, postal, 'POSTAL_DESK', 'grant')).toBeNull();
    expect(grantProblem(national, postal, 'DESK_RECEIVE', 'grant')).toContain('Bưu điện Việt Nam');
    expect(grantProblem(national, officer(), 'POSTAL_DESK', 'grant')).toContain('Tổng công ty Bưu điện Việt Nam');
    expect(grantProblem(national, officer({ issuer: 'VNPOST', unitNames: ['UBND phường Cẩm Thành'] }), 'POSTAL_DESK', 'grant')).toContain('Bộ phận một cửa');
  });
});
