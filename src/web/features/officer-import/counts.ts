// What one import is and how many of its rows can be imported.
import type { getOfficerImport } from '../../../common/api/officer-import';
import type { Reply } from '../../../common/api/contract';

export type ImportDetail = Reply<typeof getOfficerImport>;
type Counts = ImportDetail['counts'];

/** The rows that are imported (created, updated or found unchanged): all but the skipped ones. */
export const valid = (c: Counts) => c.create + c.update + c.unchanged;
