import { getDeskDossier, listQueue, unitStatistics, workList } from '../../../common/api/dossiers-desk';

/** What a decision on a dossier changes: the dossier, the unit's lists and its figures. */
export const DOSSIER_READS = [getDeskDossier, listQueue, workList, unitStatistics];
