// Permission catalogue, exactly as the "Gán quyền người dùng" dialog lists it (SPEC §3.3).
export const PERMISSION_GROUPS = [
  {
    label: 'Nhóm quyền chứng thực điện tử',
    permissions: [
      { code: 'ECERT_CREATE_COPY', label: 'Tạo bản sao chứng thực' },
      { code: 'ECERT_VIEW_REPORT', label: 'Xem báo cáo DVC chứng thực điện tử' },
      { code: 'ECERT_SIGN', label: 'Ký bản sao chứng thực điện tử' },
      { code: 'ECERT_SEAL', label: 'Đóng dấu bản sao chứng thực điện tử' },
    ],
  },
  {
    label: 'Nhóm quyền quản trị',
    permissions: [
      { code: 'ADMIN_CUC_KSTTHC', label: 'ADMIN CỤC KSTTHC' },
      { code: 'DOSSIER_MONITOR', label: 'Giám sát hồ sơ' },
      { code: 'USER_CREATE', label: 'Quyền cho thêm mới người dùng' },
      { code: 'CITIZEN_ACCOUNT_CREATE', label: 'Quyền tạo tài khoản công dân' },
      { code: 'ADMIN_SO_CONG_THUONG', label: 'Admin dành cho sở công thương các tỉnh' },
    ],
  },
  {
    // [I] Not in the seed's dialog: the desk's decisions were open to anyone assigned to a
    // receiving unit (issue 13); they are now a permission granted by the rules of SPEC §3.4
    // (docs/decisions/0015-desk-permission-and-postal-accounts.md).
    label: 'Nhóm quyền Một cửa',
    permissions: [
      { code: 'DESK_RECEIVE', label: 'Tiếp nhận, trả kết quả hồ sơ (Bộ phận Một cửa)' },
      { code: 'POSTAL_DESK', label: 'Nhận hồ sơ, trả kết quả (nhân viên Bưu điện)' },
    ],
  },
  {
    // [I] Not in the seed's dialog: the processing roles of the dossier workflow (issue 7,
    // docs/decisions/0011-dossier-workflow.md).
    label: 'Nhóm quyền xử lý hồ sơ',
    permissions: [
      { code: 'DOSSIER_PROCESS', label: 'Xử lý hồ sơ (chuyên viên)' },
      { code: 'DOSSIER_APPROVE', label: 'Phê duyệt kết quả hồ sơ (lãnh đạo)' },
    ],
  },
  {
    // [I] Not in the seed's dialog: answering citizens' feedback (Phản ánh, kiến nghị, issue 15) for
    // the agencies of the officer's units; a permission of its own, since reading a citizen's
    // feedback and contact details is no part of processing dossiers (Decree 13/2023).
    label: 'Nhóm quyền phản ánh, kiến nghị',
    permissions: [{ code: 'FEEDBACK_ANSWER', label: 'Trả lời phản ánh, kiến nghị' }],
  },
] as const;

/**
 * The permissions that give an officer a part in the dossiers of their units (reception,
 * processing, signing, certification, monitoring). An officer with none of them reads no dossier,
 * even of their own unit (Decree 13/2023: least privilege; issue 13).
 */
export const DOSSIER_ROLE_PERMISSIONS: readonly string[] = [
  'DESK_RECEIVE',
  'POSTAL_DESK',
  'DOSSIER_PROCESS',
  'DOSSIER_APPROVE',
  'DOSSIER_MONITOR',
  'ECERT_CREATE_COPY',
  'ECERT_SIGN',
  'ECERT_SEAL',
];

