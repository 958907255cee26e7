// Which agencies' dossiers an officer's units work on (least privilege, Decree 13/2023): a desk or
// a department works for the agency it belongs to; a ward does not work for its province.
import { describe, expect, it } from 'vitest';
import { officerServes } from './access.js';
import { servesAgency, workAgencyIds } from './officer-scope.js';

const unit = (id: string, kind: string, parentId: string | null) =>
  ({ id, kind, parentId, status: 'active', name: id, code: id }) as unknown as Parameters<typeof officerServes>[0][number];

const province = unit('tinh', 'province', null);
const ward = unit('phuong', 'commune', 'tinh');
const desk = unit('motcua', 'one_stop_desk', 'phuong');
const dept = unit('phong', 'department', 'phuong');

describe('an officer’s units', () => {
  it('work on the dossiers of their own agency and of the agency their desk or department belongs to', () => {
    expect(servesAgency(ward, 'phuong')).toBe(true);
    expect(servesAgency(desk, 'phuong')).toBe(true);
    expect(servesAgency(dept, 'phuong')).toBe(true);
    expect(workAgencyIds([desk, dept] as never).sort()).toEqual(['motcua', 'phong', 'phuong']);
  });

  it('do not reach up from a ward to the province: a commune leader does not see UBND tỉnh’s dossiers', () => {
    expect(servesAgency(ward, 'tinh')).toBe(false);
    expect(officerServes([ward], 'tinh')).toBe(false);
    expect(workAgencyIds([ward] as never)).toEqual(['phuong']);
    expect(officerServes([province], 'tinh')).toBe(true);
  });

  it('count only active units', () => {
    expect(officerServes([{ ...desk, status: 'inactive' }], 'phuong')).toBe(false);
  });
});
