// The authorization matrix (issue 13, docs/security.md V4): for every route of the API, who may
// call it, as which demo role, on whose resource — each expected answer written beside the rule
// it comes from. `src/server/authz-matrix.int.test.ts` sends every row and compares; a route of the
// OpenAPI document without rows here, or a row whose route no longer exists, fails that test
// (a route registered with `schema: { hide: true }` is not in the document: give it rows by hand).
//
// Outcomes:
//   allow  the request got past authorization: any 2xx/3xx, or a 4xx about the input or the state
//          (400, 409, 410, 429, …, and the 404s a row lists in `passCodes`, e.g. "no result yet")
//   401    NOT_AUTHENTICATED: no session, or a session of the other audience (requireActor)
//   403    a permission or scope code (PERMISSION_REQUIRED, ADMIN_REQUIRED, OUT_OF_SCOPE, …)
//   404    the resource is out of the caller's reach and answered as not found (its existence is
//          not the caller's business)
//
// Whose resource a case is about (`of`):
//   dossiers            own = filed by the demo citizen 001090000001 at UBND phường Cẩm Thành, the
//                       commune served by Bộ phận Một cửa phường Cẩm Thành (motcua.demo, buudien.demo)
//                       and processed by its units (chuyenvien, xuly, lanhdao, chungthuc);
//                       other = filed by another citizen (Phạm Thị Hoa) at UBND phường Nghĩa Lộ,
//                       the commune of motcua2.demo's desk
//   back office         own = inside UBND tỉnh Quảng Ngãi (quantri.qngai.demo's province);
//                       other = in Hà Nội, outside it
//   account requests    own = made at Bộ phận Một cửa phường Cẩm Thành; other = at the Nghĩa Lộ desk
//   officer imports     own = uploaded by admin.demo; other = uploaded by quantri.qngai.demo
//
// Requests are harmless by construction: bodies pass the route's schema (so that a 400 says the
// handler ran) and then stop at a check after authorization (a taken code, a missing reason, a
// wrong OTP, a state conflict), or change nothing (the same permissions, an inactive unit
// deactivated again), or act on resources made for that row alone.

export const ROLES = ['anonymous', 'citizen', 'motcua', 'motcua2', 'buudien', 'chuyenvien', 'xuly', 'lanhdao', 'chungthuc', 'admin', 'qngai'] as const;
export type Role = (typeof ROLES)[number];

/** How each signed-in role logs in (README, "Demo accounts"). */
export const ROLE_LOGINS: Record<Exclude<Role, 'anonymous'>, { audience: 'citizen' | 'officer'; login: string }> = {
  citizen: { audience: 'citizen', login: '001090000001' },
  motcua: { audience: 'officer', login: 'motcua.demo' },
  motcua2: { audience: 'officer', login: 'motcua2.demo' },
  buudien: { audience: 'officer', login: 'buudien.demo' },
  chuyenvien: { audience: 'officer', login: 'chuyenvien.demo' },
  xuly: { audience: 'officer', login: 'xuly.demo' },
  lanhdao: { audience: 'officer', login: 'lanhdao.demo' },
  chungthuc: { audience: 'officer', login: 'chungthuc.demo' },
  admin: { audience: 'officer', login: 'admin.demo' },
  qngai: { audience: 'officer', login: 'quantri.qngai.demo' },
};

export type Outcome = 'allow' | '401' | '403' | '404';
export type Expect = Record<Role, Outcome>;

/** 403 codes that are answers of authorization (anything else at 403 is a broken row). */
export const DENIAL_403 = [
  'FORBIDDEN',
  'PERMISSION_REQUIRED',
  'ADMIN_REQUIRED',
  'OUT_OF_SCOPE',
  'ADMIN_RANK_REFUSED',
  'PERMISSION_GRANT_REFUSED',
  'CATALOGUE_ADMIN_REQUIRED',
  'NO_ELIGIBLE_UNIT',
  'UNIT_NOT_ALLOWED',
  'NO_RECEIVING_UNIT',
  'DOSSIER_OUT_OF_SCOPE',
  'DOSSIER_ACTION_NOT_ALLOWED',
  'PASSWORD_CHANGE_REQUIRED',
] as const;

/** The ids the matrix's fixtures create (beforeAll of the test), by what they are. */
export interface Fixtures {
  citizenId: string;
  wardId: string;
  ward2Id: string;
  deskId: string;
  desk2Id: string;
  /** Active and inactive units of this test below UBND phường Cẩm Thành (Quảng Ngãi). */
  qnUnitId: string;
  qnInactiveUnitId: string;
  /** Bộ phận Một cửa phường Ba Đình (Hà Nội), a unit below it, and an inactive one below it. */
  hanoiUnitId: string;
  hanoiUnit2Id: string;
  hanoiInactiveUnitId: string;
  /** A plain officer of the Cẩm Thành desk, and one of Hà Nội (neither an administrator). */
  qnOfficerId: string;
  hanoiOfficerId: string;
  /** Own dossier in processing at the specialist's step ("process"); never moved by a row. */
  dossierOwn: string;
  dossierOwnCode: string;
  /** Own dossier waiting at the desk (status 1): the desk decisions act on it. */
  dossierOwnNew: string;
  /** Own dossier the citizen withdraws. */
  dossierOwnWithdraw: string;
  /** The other citizen's dossier at Nghĩa Lộ (status 1). */
  dossierOther: string;
  paperOwn: string;
  paperOther: string;
  storeOwn: string;
  storeOther: string;
  contactChangeOwn: string;
  contactChangeOther: string;
  /** A message in the demo citizen's "Thông báo", and one in the other citizen's. */
  notificationOwn: string;
  notificationOther: string;
  requestOwn: string;
  requestOwnIdNumber: string;
  requestOwnPhone: string;
  attachmentOwn: string;
  requestOther: string;
  requestOtherIdNumber: string;
  requestOtherPhone: string;
  attachmentOther: string;
  /** A valid CCCD without an account, for new account requests. */
  freshIdNumber: string;
  registrationId: string;
  passwordResetId: string;
  importByAdmin: string;
  importByQngai: string;
  discardByAdmin: string;
  discardByQngai: string;
  procedureId: string;
  procedureDocumentId: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Case {
  /** Whose resource, or what the request is (see the header). */
  of: string;
  /** Values of the route's path parameters. */
  params?: (f: Fixtures) => Record<string, string>;
  query?: (f: Fixtures) => Record<string, string>;
  body?: (f: Fixtures) => unknown;
  /** A multipart upload in field "file" instead of a JSON body. */
  upload?: 'pdf' | 'xlsx';
  expect: Expect;
}

export interface RouteRule {
  /** Method and Fastify path pattern, e.g. "GET /api/my/dossiers/:id". */
  route: `${Method} /${string}`;
  /** Who may, and where the rule lives. */
  rule: string;
  /**
   * 404 (or 403) codes that, on this route, answer the state and not the caller: "authorized, but
   * there is nothing there yet" (RESULT_NOT_READY), "already done".
   */
  passCodes?: readonly string[];
  /**
   * fresh: each signed-in role calls with a session of its own (logging out must not end the
   * matrix's sessions); fresh-relogin: also signs the matrix's session in again afterwards (the
   * call ended every session of the account).
   */
  session?: 'fresh' | 'fresh-relogin';
  cases: Case[];
}

/**
 * Routes of the OpenAPI document that are not the API's authorization surface (the Swagger UI and
 * the dev pages are hidden from the document today; the patterns keep them out if that changes).
 */
export const EXCLUDED_ROUTES: { pattern: RegExp; why: string }[] = [
  { pattern: /^GET \/healthz$/, why: 'liveness probe: no data, no session (health.int.test.ts)' },
  { pattern: /^[A-Z]+ \/docs(\/|$)/, why: 'Swagger UI, off in production (dev-and-docs.int.test.ts)' },
  { pattern: /^[A-Z]+ \/dev\//, why: 'dev tools page, not registered in production (dev-and-docs.int.test.ts)' },
];

// ---------------------------------------------------------------------------------------------
// Who: each expectation is a base outcome with the roles that differ.

function who(base: Outcome, over: Partial<Expect> = {}): Expect {
  return Object.fromEntries(ROLES.map((r) => [r, over[r] ?? base])) as Expect;
}

/** Anyone, with or without a session. */
const PUBLIC = who('allow');
/** Any session, of either audience (requireActor without an audience). */
const SIGNED_IN = who('allow', { anonymous: '401' });
/** The portal's session only: an officer's session is not a citizen's (requireActor audience 'citizen'). */
const CITIZEN = who('401', { citizen: 'allow' });
/** The back office's session only (requireActor audience 'officer'), every officer. */
const OFFICER = who('allow', { anonymous: '401', citizen: '401' });
/** An officer without the role: 403; the citizen's session is not an officer's: 401. */
const officersOnly = (over: Partial<Expect>): Expect => who('403', { anonymous: '401', citizen: '401', ...over });
/** adminScope(): HIGH_ADMIN everywhere, LEVEL1_ADMIN in their subtree; other officers ADMIN_REQUIRED. */
const ADMINS = officersOnly({ admin: 'allow', qngai: 'allow' });
/** The same, where the resource is in Hà Nội: outside the level-1 administrator's province. */
const ADMINS_OTHER = officersOnly({ admin: 'allow', qngai: '403' });
/** HIGH_ADMIN (or ADMIN CỤC KSTTHC) only. */
const HIGH_ADMIN = officersOnly({ admin: 'allow' });
/** CITIZEN_ACCOUNT_CREATE (citizen-accounts/service.ts officer()). */
const ACCOUNT_CREATORS = officersOnly({ motcua: 'allow', motcua2: 'allow', admin: 'allow' });
/** DESK_RECEIVE at a desk unit (dossiers/service.ts officerAgencies, ADR 0015). */
const DESK = officersOnly({ motcua: 'allow', motcua2: 'allow' });
/** DESK_RECEIVE or POSTAL_DESK at a desk unit. */
const DESK_OR_POST = officersOnly({ motcua: 'allow', motcua2: 'allow', buudien: 'allow' });

/**
 * authorizeView (dossiers/service.ts): the applicant, or an officer holding a dossier role
 * (DOSSIER_ROLE_PERMISSIONS: desk, postal, processing, signing, certification, monitoring) in a unit
 * that is the dossier's agency or belongs to it. An officer without any dossier role gets
 * PERMISSION_REQUIRED whatever the dossier (chuyenvien, and the administrators, who manage people
 * and units, not dossiers: Decree 13/2023 least privilege); everyone else gets not-found.
 */
const NO_DOSSIER_ROLE = { chuyenvien: '403', admin: '403', qngai: '403' } as const;
const VIEW_OWN_DOSSIER = who('404', {
  anonymous: '401',
  citizen: 'allow',
  motcua: 'allow',
  buudien: 'allow',
  xuly: 'allow',
  lanhdao: 'allow',
  chungthuc: 'allow',
  ...NO_DOSSIER_ROLE,
});
/** A file answers not-found to an officer without a dossier role, as to anyone who may not see it. */
const FILE_HIDDEN = { chuyenvien: '404', admin: '404', qngai: '404' } as const;
const VIEW_OTHER_DOSSIER = who('404', { anonymous: '401', motcua2: 'allow', ...NO_DOSSIER_ROLE });
/** The same rule for an officer's route: the citizen's session answers 401. */
const officerView = (e: Expect): Expect => ({ ...e, citizen: '401' });
/** The applicant's own routes (asCitizen + applicantId check): officers' sessions answer 401. */
const APPLICANT_OWN = who('401', { citizen: 'allow' });
const APPLICANT_OTHER = who('401', { citizen: '404' });

// ---------------------------------------------------------------------------------------------
// Cases

const OWN_DOSSIER = 'own dossier (001090000001 at Cẩm Thành)';
const OTHER_DOSSIER = "another citizen's dossier (at Nghĩa Lộ)";
const IN_PROVINCE = 'inside Quảng Ngãi';
const IN_HANOI = 'in Hà Nội';
const OWN_DESK = 'at the Cẩm Thành desk';
const OTHER_DESK = 'at the Nghĩa Lộ desk';

const one = (expect: Expect, c: Omit<Case, 'expect' | 'of'> & { of?: string } = {}): Case[] => [{ of: c.of ?? 'the route', ...c, expect }];

const NEW_PASSWORD = 'Moi@2026xyz!Q';
const YEAR = { from: '2026-01', to: '2026-12' };
const EFFECTIVE = { effectiveDate: '2026-12-01' };
/** The matrix's own draft procedure (made by the fixtures); POST sends it again with a taken code. */
export const PROCEDURE_INPUT = {
  code: '9.200001',
  name: 'Thủ tục của ma trận phân quyền',
  field: 'Hộ tịch',
  level: 'commune',
  implementingAgency: 'Ủy ban nhân dân cấp xã',
  processingDays: 3,
  fees: [{ label: 'Lệ phí', amountVnd: 8000 }],
  fullyOnline: false,
  effectiveFrom: '2025-07-01',
  documents: [{ name: 'Tờ khai thử nghiệm', quantity: '01 bản chính', required: true }],
} as const;

const dossierCases = (route: 'officer' | 'anyone' | 'applicant', param: (f: Fixtures) => Record<string, string>, other?: (f: Fixtures) => Record<string, string>): Case[] => {
  const own = route === 'applicant' ? APPLICANT_OWN : route === 'officer' ? officerView(VIEW_OWN_DOSSIER) : VIEW_OWN_DOSSIER;
  const oth = route === 'applicant' ? APPLICANT_OTHER : route === 'officer' ? officerView(VIEW_OTHER_DOSSIER) : VIEW_OTHER_DOSSIER;
  return [
    { of: OWN_DOSSIER, params: param, expect: own },
    { of: OTHER_DOSSIER, params: other ?? ((f) => ({ ...param(f), id: f.dossierOther })), expect: oth },
  ];
};

const requestCases = (body?: (own: boolean) => (f: Fixtures) => unknown, put = false): Case[] => [
  {
    of: OWN_DESK,
    params: (f) => ({ id: f.requestOwn }),
    body: body?.(true),
    // PUT checks the unit of the body (UNIT_NOT_ALLOWED, NO_ELIGIBLE_UNIT) before the request's scope.
    expect: officersOnly({ motcua: 'allow', motcua2: put ? '403' : '404', admin: put ? '403' : '404' }),
  },
  {
    of: OTHER_DESK,
    params: (f) => ({ id: f.requestOther }),
    body: body?.(false),
    expect: officersOnly({ motcua: put ? '403' : '404', motcua2: 'allow', admin: put ? '403' : '404' }),
  },
];

const requestBody = (own: boolean) => (f: Fixtures) => ({
  idNumber: own ? f.requestOwnIdNumber : f.requestOtherIdNumber,
  fullName: 'Nguyễn Thị Bình',
  birthDate: '1994-06-15',
  phone: own ? f.requestOwnPhone : f.requestOtherPhone,
  email: null,
  unitId: own ? f.deskId : f.desk2Id,
  attachmentId: own ? f.attachmentOwn : f.attachmentOther,
});

/** Back-office cases: a Quảng Ngãi target and a Hà Nội one. */
const scoped = (own: Omit<Case, 'of' | 'expect'>, other: Omit<Case, 'of' | 'expect'>): Case[] => [
  { of: IN_PROVINCE, ...own, expect: ADMINS },
  { of: IN_HANOI, ...other, expect: ADMINS_OTHER },
];

const CITIZEN_ACCOUNT = "a citizen's account (001090000001)";
/**
 * The routes on one user: an officer inside Quảng Ngãi, one in Hà Nội, and a citizen's account,
 * which is no administrator's to see or manage (ADR 0008; admin-users/service.ts visibleUser:
 * USER_NOT_FOUND).
 */
const userCases = (own: Omit<Case, 'of' | 'expect'>, other: Omit<Case, 'of' | 'expect'>, citizen: Omit<Case, 'of' | 'expect'>): Case[] => [
  ...scoped(own, other),
  { of: CITIZEN_ACCOUNT, ...citizen, expect: officersOnly({ admin: '404', qngai: '404' }) },
];

/** A processing action on the own dossier at the specialist's step, with no reason (REASON_REQUIRED once allowed). */
const action = (name: string, expect: Partial<Expect>): Case => ({
  of: `${OWN_DOSSIER}, "${name}"`,
  params: (f) => ({ id: f.dossierOwn, action: name }),
  body: () => ({}),
  // A member of the agency without the step's role: 403; anyone else in the back office: 404.
  expect: who('404', { anonymous: '401', citizen: '401', buudien: '403', chuyenvien: '403', xuly: '403', lanhdao: '403', chungthuc: '403', motcua: '403', ...expect }),
});

// ---------------------------------------------------------------------------------------------
// The table

export const RULES: RouteRule[] = [
  // ---- auth (modules/auth/routes.ts) ------------------------------------------------------------
  { route: 'GET /api/auth/csrf', rule: 'public: the CSRF token for the next write', cases: one(PUBLIC) },
  {
    route: 'POST /api/auth/login',
    rule: 'public: signing in (a wrong password is INVALID_CREDENTIALS, not an authorization answer)',
    cases: one(PUBLIC, { body: () => ({ audience: 'citizen', login: 'khong.ton.tai', password: 'Sai@2026xyz' }) }),
  },
  { route: 'POST /api/auth/logout', rule: 'public: ends the caller’s own session if any', session: 'fresh', cases: one(PUBLIC) },
  {
    route: 'POST /api/auth/logout-all',
    rule: 'any session, for its own account (requireActor, auth/service.ts logoutEverywhere)',
    session: 'fresh-relogin',
    cases: one(SIGNED_IN),
  },
  {
    route: 'POST /api/auth/password-resets',
    rule: 'public: Quên mật khẩu, same answer whether or not the account exists (auth/recovery.ts)',
    cases: one(PUBLIC, { body: () => ({ login: 'khong.ton.tai.reset' }) }),
  },
  {
    route: 'POST /api/auth/password-resets/:id/otp',
    rule: 'public: the random reset id is the capability (auth/recovery.ts resendReset)',
    cases: one(PUBLIC, { params: (f) => ({ id: f.passwordResetId }) }),
  },
  {
    route: 'POST /api/auth/password-resets/:id/complete',
    rule: 'public: the reset id and the SMS code are the capability (auth/recovery.ts completeReset)',
    cases: one(PUBLIC, { params: (f) => ({ id: f.passwordResetId }), body: () => ({ otp: '000000', newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD }) }),
  },
  { route: 'GET /api/auth/me', rule: 'any session: the caller’s own account (requireActor)', cases: one(SIGNED_IN) },
  {
    route: 'POST /api/auth/change-password',
    rule: 'any session, its own password; the current one is checked (auth/service.ts changePassword)',
    cases: one(SIGNED_IN, { body: () => ({ currentPassword: 'Sai@2026xyz', newPassword: NEW_PASSWORD }) }),
  },
  { route: 'GET /api/auth/vneid/start', rule: 'public: redirect to VNeID (every outcome is a redirect)', cases: one(PUBLIC) },
  { route: 'GET /api/auth/vneid/callback', rule: 'public: VNeID comes back here; the flow cookie and state decide', cases: one(PUBLIC) },

  // ---- registration (modules/registration): public, the registration id is the capability ------
  {
    route: 'POST /api/registrations',
    rule: 'public: Đăng ký',
    cases: one(PUBLIC, { body: () => ({ kind: 'citizen', idNumber: '123', fullName: 'Nguyễn Văn Thử', birthDate: '1990-01-01', phone: '0398999999' }) }),
  },
  { route: 'GET /api/registrations/:id', rule: 'public: the random registration id is the capability', cases: one(PUBLIC, { params: (f) => ({ id: f.registrationId }) }) },
  { route: 'POST /api/registrations/:id/otp', rule: 'public: the registration id is the capability', cases: one(PUBLIC, { params: (f) => ({ id: f.registrationId }) }) },
  {
    route: 'POST /api/registrations/:id/verify',
    rule: 'public: the registration id and the SMS code are the capability',
    cases: one(PUBLIC, { params: (f) => ({ id: f.registrationId }), body: () => ({ otp: '000000' }) }),
  },
  {
    route: 'POST /api/registrations/:id/complete',
    rule: 'public: only after the code was verified (REGISTRATION_NOT_VERIFIED)',
    cases: one(PUBLIC, { params: (f) => ({ id: f.registrationId }), body: () => ({ password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }) }),
  },

  // ---- profile (modules/profile): the citizen's own account -------------------------------------
  { route: 'GET /api/profile', rule: 'citizen session: own account (profile/routes.ts requireActor audience citizen)', cases: one(CITIZEN) },
  { route: 'PUT /api/profile', rule: 'citizen session: own account', cases: one(CITIZEN, { body: () => ({}) }) },
  {
    route: 'POST /api/profile/contact-changes',
    rule: 'citizen session: a new phone or e-mail for the own account',
    cases: one(CITIZEN, { body: () => ({ channel: 'email', value: 'an.doi.email@example.vn' }) }),
  },
  {
    route: 'POST /api/profile/contact-changes/:id/confirm',
    rule: 'citizen session: only the own change request (profile/service.ts confirmContactChange; another’s is CONTACT_CHANGE_NOT_FOUND)',
    cases: [
      { of: 'own change request', params: (f) => ({ id: f.contactChangeOwn }), body: () => ({ otp: '000000' }), expect: APPLICANT_OWN },
      { of: "another citizen's change request", params: (f) => ({ id: f.contactChangeOther }), body: () => ({ otp: '000000' }), expect: APPLICANT_OTHER },
    ],
  },
  {
    route: 'POST /api/profile/password',
    rule: 'citizen session: a first password for the own VNeID account (an account that has one gets PASSWORD_ALREADY_SET, setFirstPassword)',
    cases: one(CITIZEN, { body: () => ({ newPassword: NEW_PASSWORD, newPasswordConfirm: `${NEW_PASSWORD}x` }) }),
  },

  // ---- citizen accounts (modules/citizen-accounts): CITIZEN_ACCOUNT_CREATE, the officer's units --
  {
    route: 'GET /api/citizen-account-requests',
    rule: 'CITIZEN_ACCOUNT_CREATE; lists the officer’s own units only (citizen-accounts/service.ts listRequests)',
    cases: one(ACCOUNT_CREATORS),
  },
  {
    route: 'POST /api/citizen-account-requests',
    rule: 'CITIZEN_ACCOUNT_CREATE, for an eligible unit of the officer (assertUnit: UNIT_NOT_ALLOWED, NO_ELIGIBLE_UNIT)',
    cases: [
      { of: OWN_DESK, body: (f) => ({ ...requestBody(true)(f), idNumber: f.freshIdNumber }), expect: officersOnly({ motcua: 'allow' }) },
      { of: OTHER_DESK, body: (f) => ({ ...requestBody(false)(f), idNumber: f.freshIdNumber }), expect: officersOnly({ motcua2: 'allow' }) },
    ],
  },
  { route: 'GET /api/citizen-account-requests/form-context', rule: 'CITIZEN_ACCOUNT_CREATE (formContext)', cases: one(ACCOUNT_CREATORS) },
  {
    route: 'GET /api/citizen-account-requests/lookup',
    rule: 'CITIZEN_ACCOUNT_CREATE (lookup; ADR 0003)',
    cases: one(ACCOUNT_CREATORS, { query: () => ({ idNumber: '001090000001' }) }),
  },
  { route: 'POST /api/citizen-account-requests/attachments', rule: 'CITIZEN_ACCOUNT_CREATE (uploadAttachment)', cases: one(ACCOUNT_CREATORS, { upload: 'pdf' }) },
  {
    route: 'GET /api/citizen-account-requests/:id',
    rule: 'CITIZEN_ACCOUNT_CREATE; another unit’s request is REQUEST_NOT_FOUND (loadInScope)',
    cases: requestCases(),
  },
  {
    route: 'PUT /api/citizen-account-requests/:id',
    rule: 'CITIZEN_ACCOUNT_CREATE; the body’s unit must be the officer’s (assertUnit), then the request’s (loadInScope)',
    cases: requestCases(requestBody, true),
  },
  { route: 'POST /api/citizen-account-requests/:id/cancel', rule: 'CITIZEN_ACCOUNT_CREATE, own units’ requests (loadInScope)', cases: requestCases() },
  { route: 'GET /api/citizen-account-requests/:id/form.pdf', rule: 'CITIZEN_ACCOUNT_CREATE, own units’ requests (getRequest)', cases: requestCases() },
  { route: 'GET /api/citizen-account-requests/:id/attachment', rule: 'CITIZEN_ACCOUNT_CREATE, own units’ requests (readAttachment, audited)', cases: requestCases() },
  { route: 'POST /api/citizen-account-requests/:id/otp', rule: 'CITIZEN_ACCOUNT_CREATE, own units’ requests (sendOtp: scope before the limits)', cases: requestCases() },
  {
    route: 'POST /api/citizen-account-requests/:id/complete',
    rule: 'CITIZEN_ACCOUNT_CREATE, own units’ requests (completeRequest: scope before the code)',
    cases: requestCases(() => () => ({ otp: '000000' })),
  },

  // ---- agencies (modules/agencies/tree.ts): administrators, in their subtree ---------------------
  { route: 'GET /api/admin/agencies/children', rule: 'administrators: the roots of their scope (adminScope)', cases: one(ADMINS) },
  { route: 'GET /api/admin/agencies/search', rule: 'administrators: units of their scope', cases: one(ADMINS) },
  {
    route: 'GET /api/admin/agencies/:id',
    rule: 'administrators, a unit of their scope (getAgency: OUT_OF_SCOPE)',
    cases: scoped({ params: (f) => ({ id: f.qnUnitId }) }, { params: (f) => ({ id: f.hanoiUnitId }) }),
  },
  {
    route: 'PATCH /api/admin/agencies/:id',
    rule: 'administrators, a unit of their scope (updateAgency; an empty change changes nothing)',
    cases: scoped({ params: (f) => ({ id: f.qnUnitId }), body: () => EFFECTIVE }, { params: (f) => ({ id: f.hanoiUnitId }), body: () => EFFECTIVE }),
  },
  {
    route: 'POST /api/admin/agencies',
    rule: 'administrators, below a unit of their scope (createAgency; the code is taken, AGENCY_CODE_TAKEN)',
    cases: scoped(
      { body: (f) => ({ code: '000.01.15.H48', name: 'Đơn vị thử', kind: 'department', parentId: f.wardId, validFrom: '2026-01-01' }) },
      { body: (f) => ({ code: '000.01.15.H48', name: 'Đơn vị thử', kind: 'department', parentId: f.hanoiUnitId, validFrom: '2026-01-01' }) },
    ),
  },
  {
    route: 'POST /api/admin/agencies/:id/deactivate',
    rule: 'administrators, a unit of their scope that is not their own root (deactivateAgency; already inactive)',
    cases: scoped({ params: (f) => ({ id: f.qnInactiveUnitId }), body: () => EFFECTIVE }, { params: (f) => ({ id: f.hanoiInactiveUnitId }), body: () => EFFECTIVE }),
  },
  {
    route: 'POST /api/admin/agencies/:id/reactivate',
    rule: 'administrators, a unit of their scope (reactivateAgency; already active)',
    cases: scoped({ params: (f) => ({ id: f.qnUnitId }), body: () => EFFECTIVE }, { params: (f) => ({ id: f.hanoiUnit2Id }), body: () => EFFECTIVE }),
  },
  {
    route: 'POST /api/admin/agencies/merge',
    rule: 'administrators, every unit in their scope (mergeAgencies; the target is inactive, AGENCY_INACTIVE)',
    cases: scoped(
      { body: (f) => ({ sourceIds: [f.qnUnitId], targetId: f.qnInactiveUnitId, ...EFFECTIVE }) },
      { body: (f) => ({ sourceIds: [f.hanoiUnit2Id], targetId: f.hanoiInactiveUnitId, ...EFFECTIVE }) },
    ),
  },
  { route: 'GET /api/admin/agencies/scheduled-changes', rule: 'administrators: scheduled changes of units of their scope (listScheduledChanges)', cases: one(ADMINS) },
  {
    route: 'POST /api/admin/agencies/:id/scheduled-changes/:changeId/cancel',
    rule: 'administrators, a unit of their scope (cancelScheduledChange: OUT_OF_SCOPE; no such change, AGENCY_CHANGE_NOT_FOUND)',
    passCodes: ['AGENCY_CHANGE_NOT_FOUND'],
    cases: scoped(
      { params: (f) => ({ id: f.qnUnitId, changeId: '00000000-0000-7000-8000-000000000000' }) },
      { params: (f) => ({ id: f.hanoiUnitId, changeId: '00000000-0000-7000-8000-000000000000' }) },
    ),
  },
  {
    route: 'GET /api/admin/agencies/paths',
    rule: 'administrators: paths of units of their scope, others left out (unitPaths)',
    cases: one(ADMINS, { query: (f) => ({ ids: `${f.qnUnitId},${f.hanoiUnitId}` }) }),
  },

  // ---- users (modules/admin-users): administrators, officers of their subtree -------------------
  { route: 'GET /api/admin/users', rule: 'administrators: officers of their scope (listUsers)', cases: one(ADMINS) },
  {
    route: 'POST /api/admin/users',
    rule: 'administrators with USER_CREATE (or national), units of their scope (createOfficer; the username is taken)',
    cases: scoped(
      { body: (f) => ({ fullName: 'Cán Bộ Mới', username: 'motcua.demo', phone: '0398777001', unitIds: [f.deskId] }) },
      { body: (f) => ({ fullName: 'Cán Bộ Mới', username: 'motcua.demo', phone: '0398777001', unitIds: [f.hanoiUnitId] }) },
    ),
  },
  { route: 'GET /api/admin/users/export.xlsx', rule: 'administrators: the same rows as the list (exportUsers)', cases: one(ADMINS) },
  { route: 'GET /api/admin/agency-options', rule: 'administrators: units of their scope (agencyOptions)', cases: one(ADMINS) },
  {
    route: 'GET /api/admin/users/:id',
    rule: 'administrators, an officer of their scope (visibleUser: OUT_OF_SCOPE; not a citizen, USER_NOT_FOUND)',
    cases: userCases({ params: (f) => ({ id: f.qnOfficerId }) }, { params: (f) => ({ id: f.hanoiOfficerId }) }, { params: (f) => ({ id: f.citizenId }) }),
  },
  {
    route: 'PUT /api/admin/users/:id/status',
    rule: 'administrators, an officer of their scope below their rank (manageableUser; already active)',
    cases: userCases(
      { params: (f) => ({ id: f.qnOfficerId }), body: () => ({ status: 'active' }) },
      { params: (f) => ({ id: f.hanoiOfficerId }), body: () => ({ status: 'active' }) },
      { params: (f) => ({ id: f.citizenId }), body: () => ({ status: 'active' }) },
    ),
  },
  {
    route: 'GET /api/admin/users/:id/assignable-units',
    rule: 'administrators, an officer of their scope (searchAssignableUnits → visibleUser)',
    cases: userCases({ params: (f) => ({ id: f.qnOfficerId }) }, { params: (f) => ({ id: f.hanoiOfficerId }) }, { params: (f) => ({ id: f.citizenId }) }),
  },
  {
    route: 'POST /api/admin/users/:id/units',
    rule: 'administrators, units and officer of their scope (assignUnits; a unit already assigned)',
    cases: userCases(
      { params: (f) => ({ id: f.qnOfficerId }), body: (f) => ({ unitIds: [f.deskId] }) },
      { params: (f) => ({ id: f.hanoiOfficerId }), body: (f) => ({ unitIds: [f.hanoiUnitId] }) },
      { params: (f) => ({ id: f.citizenId }), body: (f) => ({ unitIds: [f.deskId] }) },
    ),
  },
  {
    route: 'DELETE /api/admin/users/:id/units/:unitId',
    rule: 'administrators, unit and officer of their scope (removeUnit; a unit not assigned)',
    cases: userCases(
      { params: (f) => ({ id: f.qnOfficerId, unitId: f.desk2Id }) },
      { params: (f) => ({ id: f.hanoiOfficerId, unitId: f.hanoiUnit2Id }) },
      { params: (f) => ({ id: f.citizenId, unitId: f.desk2Id }) },
    ),
  },
  {
    route: 'PUT /api/admin/users/:id/permissions',
    rule: 'administrators, an officer of their scope, by the grant rules (setPermissions; the same set)',
    cases: userCases(
      { params: (f) => ({ id: f.qnOfficerId }), body: () => ({ permissions: [] }) },
      { params: (f) => ({ id: f.hanoiOfficerId }), body: () => ({ permissions: [] }) },
      { params: (f) => ({ id: f.citizenId }), body: () => ({ permissions: [] }) },
    ),
  },

  // ---- officer imports (modules/officer-import): administrators, their own uploads ---------------
  { route: 'GET /api/admin/officer-imports/template.xlsx', rule: 'administrators (templateWorkbook)', cases: one(ADMINS) },
  { route: 'POST /api/admin/officer-imports', rule: 'administrators, checked before the upload is read (previewImport)', cases: one(ADMINS, { upload: 'xlsx' }) },
  { route: 'GET /api/admin/officer-imports', rule: 'administrators: their own imports (listImports)', cases: one(ADMINS) },
  // A discarded preview can no longer be confirmed (IMPORT_NOT_FOUND), so DELETE has previews of its own.
  ...([
    ['GET', 'ownImport: IMPORT_NOT_FOUND', 'importByAdmin', 'importByQngai'],
    ['DELETE', 'discardImport', 'discardByAdmin', 'discardByQngai'],
  ] as const).map(
    ([m, where, byAdmin, byQngai]): RouteRule => ({
      route: `${m} /api/admin/officer-imports/:id`,
      rule: `administrators, only imports they uploaded themselves (${where})`,
      cases: [
        { of: 'uploaded by admin.demo', params: (f) => ({ id: f[byAdmin] }), expect: officersOnly({ admin: 'allow', qngai: '404' }) },
        { of: 'uploaded by quantri.qngai.demo', params: (f) => ({ id: f[byQngai] }), expect: officersOnly({ admin: '404', qngai: 'allow' }) },
      ],
    }),
  ),
  {
    route: 'POST /api/admin/officer-imports/:id/confirm',
    rule: 'administrators, only imports they uploaded themselves (confirmImport; the only row names no unit, nothing is written)',
    cases: [
      { of: 'uploaded by admin.demo', params: (f) => ({ id: f.importByAdmin }), expect: officersOnly({ admin: 'allow', qngai: '404' }) },
      { of: 'uploaded by quantri.qngai.demo', params: (f) => ({ id: f.importByQngai }), expect: officersOnly({ admin: '404', qngai: 'allow' }) },
    ],
  },

  // ---- reports and audit (modules/reports, modules/audit-viewer): administrators, their scope ----
  ...(['GET /api/admin/reports/monthly', 'GET /api/admin/reports/monthly.xlsx'] as const).map(
    (route): RouteRule => ({
      route,
      rule: 'administrators; a unit filter must lie in their scope (monthlyReport: OUT_OF_SCOPE)',
      cases: scoped({ query: (f) => ({ ...YEAR, unitId: f.wardId }) }, { query: (f) => ({ ...YEAR, unitId: f.hanoiUnitId }) }),
    }),
  ),
  { route: 'GET /api/admin/reports/units', rule: 'administrators: units of their scope (scopeUnits)', cases: one(ADMINS) },
  {
    route: 'GET /api/admin/audit-log',
    rule: 'administrators; rows of their scope, a unit filter in it (listAudit: OUT_OF_SCOPE)',
    cases: scoped({ query: (f) => ({ unitId: f.wardId }) }, { query: (f) => ({ unitId: f.hanoiUnitId }) }),
  },
  { route: 'GET /api/admin/outbox', rule: 'high-level administrator only: messages of every unit (outbox-admin/service.ts requireHighAdmin)', cases: one(HIGH_ADMIN) },
  {
    route: 'POST /api/admin/outbox/:id/retry',
    rule: 'high-level administrator only (retryJob)',
    passCodes: ['OUTBOX_JOB_NOT_FOUND'],
    cases: one(HIGH_ADMIN, { params: () => ({ id: '00000000-0000-4000-8000-000000000000' }) }),
  },

  // ---- notifications (modules/notifications): the citizen's own "Thông báo" ---------------------
  { route: 'GET /api/my/notifications', rule: 'citizen session: the caller’s own messages (notifications/service.ts listMine)', cases: one(CITIZEN) },
  {
    route: 'POST /api/my/notifications/:id/read',
    rule: 'citizen session: only a message sent to the caller (markRead; another’s is NOTIFICATION_NOT_FOUND)',
    cases: [
      { of: 'own message', params: (f) => ({ id: f.notificationOwn }), expect: APPLICANT_OWN },
      { of: "another citizen's message", params: (f) => ({ id: f.notificationOther }), expect: APPLICANT_OTHER },
    ],
  },
  { route: 'POST /api/my/notifications/read-all', rule: 'citizen session: the caller’s own messages only (markAllRead)', cases: one(CITIZEN) },

  // ---- procedures (modules/procedures): the public catalogue ----------------------------------
  { route: 'GET /api/procedures', rule: 'public: the catalogue in force', cases: one(PUBLIC) },
  { route: 'GET /api/procedures/:code', rule: 'public: one procedure in force', cases: one(PUBLIC, { params: () => ({ code: '1.001193' }) }) },
  { route: 'GET /api/procedures/most-used', rule: 'public: procedures ranked by dossier counts (no personal data)', cases: one(PUBLIC) },
  { route: 'GET /api/procedures/groups', rule: 'public: the catalogue by field and life event', cases: one(PUBLIC) },
  { route: 'GET /api/portal/figures', rule: 'public: aggregate figures of the year (counts and shares only)', cases: one(PUBLIC) },
  {
    route: 'GET /api/procedures/:code/documents/:position/template',
    rule: 'public: the template of a procedure in force',
    passCodes: ['PROCEDURE_TEMPLATE_NOT_FOUND'],
    cases: one(PUBLIC, { params: () => ({ code: '1.001193', position: '1' }) }),
  },
  {
    route: 'GET /api/procedures/:code/agencies',
    rule: 'public: the agencies receiving a procedure (dossiers/service.ts receivingAgencies)',
    cases: one(PUBLIC, { params: () => ({ code: '1.001193' }) }),
  },

  // ---- procedures administration (procedures/admin-service.ts catalogueAdmin) --------------------
  { route: 'GET /api/admin/procedures', rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (catalogueAdmin)', cases: one(HIGH_ADMIN) },
  {
    route: 'POST /api/admin/procedures',
    rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (the code is taken: PROCEDURE_CODE_TAKEN)',
    cases: one(HIGH_ADMIN, { body: () => ({ ...PROCEDURE_INPUT, code: '1.001193' }) }),
  },
  { route: 'GET /api/admin/procedures/:id', rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC', cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId }) }) },
  {
    route: 'PUT /api/admin/procedures/:id',
    rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (the matrix’s own draft, saved as it is)',
    cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId }), body: (f) => ({ ...PROCEDURE_INPUT, documents: [{ ...PROCEDURE_INPUT.documents[0], id: f.procedureDocumentId }] }) }),
  },
  { route: 'POST /api/admin/procedures/:id/publish', rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (the matrix’s own procedure)', cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId }) }) },
  { route: 'POST /api/admin/procedures/:id/unpublish', rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (the matrix’s own procedure)', cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId }) }) },
  {
    route: 'PUT /api/admin/procedures/:id/form',
    rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (an empty form: FORM_DEFINITION_INVALID)',
    cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId }), body: () => ({}) }),
  },
  {
    route: 'PUT /api/admin/procedures/:id/workflow',
    rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (no steps: WORKFLOW_DEFINITION_INVALID)',
    cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId }), body: () => ({ steps: [] }) }),
  },
  { route: 'DELETE /api/admin/procedures/:id/workflow', rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (back to the default)', cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId }) }) },
  {
    route: 'POST /api/admin/procedures/:id/documents/:documentId/template',
    rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC, checked before the upload is read',
    cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId, documentId: f.procedureDocumentId }), upload: 'pdf' }),
  },
  {
    route: 'GET /api/admin/procedures/:id/documents/:documentId/template',
    rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC (any status)',
    passCodes: ['PROCEDURE_TEMPLATE_NOT_FOUND'],
    cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId, documentId: f.procedureDocumentId }) }),
  },
  {
    route: 'DELETE /api/admin/procedures/:id/documents/:documentId/template',
    rule: 'HIGH_ADMIN or ADMIN CỤC KSTTHC',
    passCodes: ['PROCEDURE_TEMPLATE_NOT_FOUND'],
    cases: one(HIGH_ADMIN, { params: (f) => ({ id: f.procedureId, documentId: f.procedureDocumentId }) }),
  },

  // ---- online filing (dossiers/service.ts): the citizen's own -----------------------------------
  { route: 'GET /api/filing/:code', rule: 'citizen session: own prefill and draft (startFiling)', cases: one(CITIZEN, { params: () => ({ code: '1.001193' }) }) },
  {
    route: 'PUT /api/filing/:code/draft',
    rule: 'citizen session: own draft (saveDraft)',
    cases: one(CITIZEN, { params: () => ({ code: '1.001193' }), body: () => ({ formData: {}, documents: [] }) }),
  },
  { route: 'DELETE /api/filing/:code/draft', rule: 'citizen session: own draft (discardDraft)', cases: one(CITIZEN, { params: () => ({ code: '1.001193' }) }) },
  {
    route: 'POST /api/filing/:code/submit',
    rule: 'citizen session: files as the caller (submitOnline; an empty form is FORM_INVALID)',
    cases: one(CITIZEN, { params: () => ({ code: '1.001193' }), body: (f) => ({ agencyId: f.wardId, formData: {}, documents: [], submissionKey: 'authz-matrix-submit' }) }),
  },
  {
    route: 'GET /api/address-units',
    rule: 'any session: the 2025 provinces and communes (public reference data) for a postal delivery address (delivery.addressUnits)',
    cases: one(SIGNED_IN, { query: () => ({ province: '01' }) }),
  },
  { route: 'POST /api/my/papers', rule: 'citizen session: a paper of the caller (storePaper)', cases: one(CITIZEN, { upload: 'pdf' }) },
  { route: 'GET /api/my/dossiers', rule: 'citizen session: the caller’s dossiers (listMine)', cases: one(CITIZEN) },
  {
    route: 'GET /api/my/dossiers/:id',
    rule: 'citizen session, own dossier (getDossier → authorizeView: DOSSIER_NOT_FOUND)',
    cases: dossierCases('applicant', (f) => ({ id: f.dossierOwn })),
  },
  {
    route: 'POST /api/my/dossiers/:id/supplement',
    rule: 'citizen session, own dossier (supplement: applicant, then status)',
    cases: dossierCases('applicant', (f) => ({ id: f.dossierOwn })).map((c) => ({ ...c, body: () => ({ formData: {}, documents: [] }) })),
  },
  {
    route: 'POST /api/my/dossiers/:id/withdraw',
    rule: 'citizen session, own dossier (processing.act: applicant role, "withdraw")',
    cases: dossierCases('applicant', (f) => ({ id: f.dossierOwnWithdraw })).map((c) => ({ ...c, body: () => ({}) })),
  },
  {
    route: 'POST /api/my/dossiers/:id/rating',
    rule: 'citizen session, own dossier, after the result (processing.rate: RATING_NOT_YET)',
    cases: dossierCases('applicant', (f) => ({ id: f.dossierOwn })).map((c) => ({ ...c, body: () => ({ criteria: { access: 3, time: 3, staff: 3, result: 3 } }) })),
  },
  {
    route: 'GET /api/dossiers/:id/receipt.pdf',
    rule: 'the applicant or an officer of the dossier’s agency (receiptPdf → authorizeView)',
    cases: dossierCases('anyone', (f) => ({ id: f.dossierOwn })),
  },
  {
    route: 'GET /api/dossiers/:id/result.pdf',
    rule: 'the applicant (once returned) or an officer of the agency (resultForViewer → authorizeView)',
    passCodes: ['RESULT_NOT_READY'],
    cases: dossierCases('anyone', (f) => ({ id: f.dossierOwn })),
  },
  {
    route: 'GET /api/dossiers/:id/apology.pdf',
    rule: 'the applicant or an officer of the agency (apologyForViewer → authorizeView)',
    passCodes: ['APOLOGY_NOT_FOUND'],
    cases: dossierCases('anyone', (f) => ({ id: f.dossierOwn })),
  },
  {
    route: 'GET /api/work/dossiers/:id/result-preview.pdf',
    rule: 'an officer of the agency who may sign at the current step (resultPreviewFor → authorizeView, then actionsFor); others of the agency RESULT_PREVIEW_NOT_AVAILABLE',
    passCodes: ['RESULT_PREVIEW_NOT_AVAILABLE'],
    cases: dossierCases('officer', (f) => ({ id: f.dossierOwn })),
  },
  {
    route: 'GET /api/papers/:id',
    rule: 'the uploader, the Kho dữ liệu owner, or whoever may see a dossier holding it (downloadPaper: FILE_NOT_FOUND, also for officers without a dossier role)',
    cases: [
      { of: OWN_DOSSIER, params: (f) => ({ id: f.paperOwn }), expect: { ...VIEW_OWN_DOSSIER, ...FILE_HIDDEN } },
      { of: OTHER_DOSSIER, params: (f) => ({ id: f.paperOther }), expect: { ...VIEW_OTHER_DOSSIER, ...FILE_HIDDEN } },
    ],
  },

  // ---- Kho dữ liệu --------------------------------------------------------------------------------
  { route: 'GET /api/my/store', rule: 'citizen session: own Kho dữ liệu (listStore)', cases: one(CITIZEN) },
  { route: 'POST /api/my/store', rule: 'citizen session: own Kho dữ liệu (addToStore; no title: STORE_TITLE_INVALID)', cases: one(CITIZEN, { upload: 'pdf' }) },
  {
    route: 'DELETE /api/my/store/:id',
    rule: 'citizen session, own Kho dữ liệu only (removeFromStore: FILE_NOT_FOUND)',
    cases: [
      { of: 'own paper', params: (f) => ({ id: f.storeOwn }), expect: APPLICANT_OWN },
      { of: "another citizen's paper", params: (f) => ({ id: f.storeOther }), expect: APPLICANT_OTHER },
    ],
  },

  // ---- desk (dossiers/service.ts, ADR 0015) -------------------------------------------------------
  {
    route: 'GET /api/desk/citizens',
    rule: 'DESK_RECEIVE or POSTAL_DESK at a desk unit (deskFindCitizen: officerAgencies, audited, throttled)',
    cases: one(DESK_OR_POST, { query: () => ({ idNumber: '001090000001' }) }),
  },
  { route: 'GET /api/desk/agencies', rule: 'any officer: the agencies they receive for, none without a desk role', cases: one(OFFICER) },
  {
    route: 'GET /api/desk/filing/:code',
    rule: 'DESK_RECEIVE or POSTAL_DESK at a desk unit (deskStart: prefill audited)',
    cases: one(DESK_OR_POST, { params: () => ({ code: '1.001193' }), query: (f) => ({ citizenId: f.citizenId }) }),
  },
  {
    route: 'POST /api/desk/filing/:code',
    rule: 'DESK_RECEIVE or POSTAL_DESK, for an agency the desk serves (deskReceive: DOSSIER_OUT_OF_SCOPE; an empty form is FORM_INVALID)',
    cases: [
      {
        of: 'for UBND phường Cẩm Thành',
        params: () => ({ code: '1.001193' }),
        body: (f) => ({ agencyId: f.wardId, citizenId: f.citizenId, formData: {}, documents: [], submissionKey: 'authz-matrix-desk-own' }),
        expect: officersOnly({ motcua: 'allow', buudien: 'allow' }),
      },
      {
        of: 'for UBND phường Nghĩa Lộ',
        params: () => ({ code: '1.001193' }),
        body: (f) => ({ agencyId: f.ward2Id, citizenId: f.citizenId, formData: {}, documents: [], submissionKey: 'authz-matrix-desk-other' }),
        expect: officersOnly({ motcua2: 'allow' }),
      },
    ],
  },
  {
    route: 'POST /api/desk/papers',
    rule: 'DESK_RECEIVE or POSTAL_DESK at a desk unit: scans for a reception (deskUploadPaper, checked before the upload is read)',
    cases: one(DESK_OR_POST, { upload: 'pdf' }),
  },
  { route: 'GET /api/desk/dossiers', rule: 'DESK_RECEIVE at a desk unit: the reception queue of its agencies (listQueue)', cases: one(DESK) },
  {
    route: 'GET /api/desk/dossiers/:id',
    rule: 'an officer of the dossier’s agency (getDossier → authorizeView; every view audited)',
    cases: dossierCases('officer', (f) => ({ id: f.dossierOwn })),
  },
  ...(['receive', 'request-supplement', 'refuse'] as const).map(
    (path): RouteRule => ({
      route: `POST /api/desk/dossiers/:id/${path}`,
      rule: 'DESK_RECEIVE at the desk serving the dossier’s agency (decide: PERMISSION_REQUIRED, then DOSSIER_NOT_FOUND)',
      cases: [
        {
          of: OWN_DOSSIER,
          params: (f) => ({ id: f.dossierOwnNew }),
          body: () => ({ reason: 'Lý do của ma trận phân quyền' }),
          expect: officersOnly({ motcua: 'allow', motcua2: '404' }),
        },
        {
          of: OTHER_DOSSIER,
          params: (f) => ({ id: f.dossierOther }),
          body: () => ({ reason: 'Lý do của ma trận phân quyền' }),
          expect: officersOnly({ motcua: '404', motcua2: 'allow' }),
        },
      ],
    }),
  ),

  // ---- processing (dossiers/processing.ts, workflow.ts) -------------------------------------------
  {
    route: 'GET /api/work/dossiers',
    rule: 'an officer with a dossier role and a unit: dossiers of their units’ agencies (workList: PERMISSION_REQUIRED, NO_RECEIVING_UNIT)',
    cases: one({ ...OFFICER, ...NO_DOSSIER_ROLE }),
  },
  { route: 'GET /api/work/statistics', rule: 'any officer with a unit: figures of their units’ agencies (unitStatistics)', cases: one(OFFICER) },
  {
    route: 'POST /api/work/dossiers/:id/actions/:action',
    rule: 'a member of the dossier’s agency holding the role of the step (processing.act → workflow.plan); non-members DOSSIER_NOT_FOUND',
    cases: [
      // Gia hạn: the desk, the step's role, or a leader of the agency.
      action('extend', { motcua: 'allow', xuly: 'allow', lanhdao: 'allow' }),
      // Dừng xử lý: the desk or a leader.
      action('stop', { motcua: 'allow', lanhdao: 'allow' }),
      // Yêu cầu bổ sung: the step's role or the desk.
      action('supplement_requested', { motcua: 'allow', xuly: 'allow' }),
      // Chuyển cơ quan khác: the step's role only.
      action('transfer', { xuly: 'allow' }),
      {
        of: `${OTHER_DOSSIER}, "extend"`,
        params: (f) => ({ id: f.dossierOther, action: 'extend' }),
        body: () => ({}),
        expect: who('404', { anonymous: '401', citizen: '401', motcua2: 'allow' }),
      },
    ],
  },

  // ---- verification and tracking: public ----------------------------------------------------------
  { route: 'GET /api/verify/:token', rule: 'public: the QR token is the capability (result.ts verifyByToken)', passCodes: ['VERIFY_NOT_FOUND'], cases: one(PUBLIC, { params: () => ({ token: 'khongcoketqua123' }) }) },
  {
    route: 'GET /api/verify/:token/document.pdf',
    rule: 'public: the QR token is the capability (resultByToken)',
    passCodes: ['VERIFY_NOT_FOUND'],
    cases: one(PUBLIC, { params: () => ({ token: 'khongcoketqua123' }) }),
  },
  { route: 'POST /api/verify', rule: 'public: checks an uploaded PDF’s signatures (verifyUpload)', cases: one(PUBLIC, { upload: 'pdf' }) },
  {
    route: 'GET /api/tracking',
    rule: 'public: the dossier code and the last 4 digits of its phone are the capability (tracking.ts)',
    cases: one(PUBLIC, { query: (f) => ({ code: f.dossierOwnCode, phone: '5678' }) }),
  },

  // ---- Phản ánh, kiến nghị (modules/feedback) -------------------------------------------------------
  // The matrix has no feedback of its own: the officer's rows use an id that exists nowhere, so an
  // officer holding FEEDBACK_ANSWER (lanhdao.demo) gets past authorization to FEEDBACK_NOT_FOUND and
  // every other officer stops at PERMISSION_REQUIRED. Who sees which agency's feedback, and the
  // sender's own, are in feedback.int.test.ts.
  { route: 'GET /api/feedback', rule: 'public: answered feedback whose sender consented, nothing naming the sender (feedback/service.ts listPublic)', cases: one(PUBLIC) },
  {
    route: 'POST /api/my/feedback',
    rule: 'citizen session; about a dossier only their own (getDossier: DOSSIER_NOT_FOUND); stops at FEEDBACK_TITLE_INVALID',
    cases: [
      { of: OWN_DOSSIER, body: (f) => ({ dossierId: f.dossierOwn, title: 'ngắn', content: 'Nội dung thử của ma trận phân quyền.', consentPublic: false, submissionKey: 'matrix-feedback-own' }), expect: APPLICANT_OWN },
      { of: OTHER_DOSSIER, body: (f) => ({ dossierId: f.dossierOther, title: 'ngắn', content: 'Nội dung thử của ma trận phân quyền.', consentPublic: false, submissionKey: 'matrix-feedback-other' }), expect: APPLICANT_OTHER },
    ],
  },
  { route: 'GET /api/my/feedback', rule: 'citizen session: the caller’s own feedback (listMine)', cases: one(CITIZEN) },
  {
    route: 'GET /api/my/feedback/:id',
    rule: 'citizen session, own feedback only (getMine: FEEDBACK_NOT_FOUND)',
    cases: one(APPLICANT_OTHER, { of: 'a feedback that is not the caller’s', params: () => ({ id: '00000000-0000-7000-8000-00000000feed' }) }),
  },
  { route: 'GET /api/admin/feedback', rule: 'FEEDBACK_ANSWER: the feedback of the agencies the officer’s units serve (listForOfficer)', cases: one(officersOnly({ lanhdao: 'allow' })) },
  ...(['GET /api/admin/feedback/:id', 'POST /api/admin/feedback/:id/start', 'POST /api/admin/feedback/:id/answer'] as const).map(
    (route): RouteRule => ({
      route,
      rule: 'FEEDBACK_ANSWER, a feedback of the officer’s agencies (loadInScope: FEEDBACK_NOT_FOUND otherwise)',
      cases: one(officersOnly({ lanhdao: '404' }), {
        of: 'a feedback id that exists nowhere',
        params: () => ({ id: '00000000-0000-7000-8000-00000000feed' }),
        body: route.endsWith('/answer') ? () => ({ answer: 'Trả lời thử của ma trận phân quyền, đủ dài.' }) : undefined,
      }),
    }),
  ),

  // ---- dev outbox ----------------------------------------------------------------------------------
  {
    route: 'GET /api/dev/outbox',
    rule: 'anyone, outside production only: the dev module is not registered when NODE_ENV=production (app.ts devOnly; dev-and-docs.int.test.ts)',
    cases: one(PUBLIC),
  },
];
