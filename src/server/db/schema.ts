// Every table, for Drizzle's query builder and drizzle-kit. Modules own their tables.ts.
export * from '../platform/tables.js';
export * from '../platform/notify/tables.js';
export * from '../modules/agencies/tables.js';
export * from '../modules/users/tables.js';
export * from '../modules/citizen-accounts/tables.js';
export * from '../modules/auth/tables.js';
export * from '../modules/registration/tables.js';
export * from '../modules/profile/tables.js';
export * from '../modules/vneid/tables.js';
export * from '../modules/officer-import/tables.js';
export * from '../modules/dossiers/tables.js';
export * from '../modules/procedures/tables.js';
export * from '../modules/feedback/tables.js';
