// The boundaries of ARCHITECTURE.md §2 and ADR 0016, checked by `npm run lint:deps` (part of
// `npm test`). A module keeps to its own tables; the platform never imports a module; the web
// never imports the server; src/common imports neither; no import cycles. An exception must be
// named in docs/decisions/0016-one-contract-and-module-rooms.md ("Known exceptions") with its reason.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-tables-are-private',
      comment:
        "A module reads and writes only its own tables and repo; it asks another module through that module's service.ts (ADR 0016).",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/modules/([^/]+)/(tables|repo)\\.ts$', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'catalogue-is-upstream-of-dossiers',
      comment: 'Dossiers ask the procedures catalogue (forms, workflows); the catalogue never imports dossiers (app.ts wires what it needs).',
      severity: 'error',
      from: { path: '^src/server/modules/procedures/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/modules/dossiers/' },
    },
    {
      name: 'platform-does-not-import-modules',
      comment: 'The platform (errors, auth, audit, outbox, notify, files) is below every module and knows none of them.',
      severity: 'error',
      from: { path: '^src/server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'first-download-without-antd',
      comment:
        'The portal frame, the login page and what the app starts with load no antd, so that a 3G phone can sign in before the component library arrives (ADR 0019).',
      severity: 'error',
      from: {
        path: '^src/web/(main|lazy-page|session|api|data/(client|hooks)|components/PageHeading|pages/LoginForm|pages/portal/(PortalLayout|CitizenLoginPage|HomePage)|features/tracking/(ProcedureHome|procedure-text))\\.tsx?$',
      },
      to: { path: 'node_modules/(antd|@ant-design)/' },
    },
    {
      name: 'web-does-not-import-server',
      comment: 'The web talks to the server over HTTP through the contracts of src/common/api only.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'common-is-shared-by-both',
      comment: 'src/common is imported by the server and the web; it imports neither.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles between files make start-up order and module boundaries unclear.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { pathNot: '\\.test\\.ts$' } },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-server|var)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
