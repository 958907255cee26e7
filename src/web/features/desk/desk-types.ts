// Shapes of the desk reception flow, derived from the contracts (src/common/api/dossiers-desk.ts).
import type { Reply } from '../../../common/api/contract';
import type { deskFindCitizen, deskStartFiling } from '../../../common/api/dossiers-desk';
import type { PaperFile } from '../../components/dossier/PaperList';

/** What the look-up by CMND/CCCD answers: the account, if any, and the population record. */
export type CitizenLookup = Reply<typeof deskFindCitizen>;

/** The citizen's account, when there is one. */
export type CitizenAccount = NonNullable<CitizenLookup['account']>;

/** The procedure, its prefilled e-form and the agencies that may receive it. */
export type DeskStart = Reply<typeof deskStartFiling>;

/** A paper scanned or uploaded at the desk. */
export type Scan = Omit<PaperFile, 'source'>;
