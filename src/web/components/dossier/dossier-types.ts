// Shapes of the dossier API shared by the portal pages (online filing, Hồ sơ của tôi, Kho dữ liệu)
// and the back office (desk reception, dossier detail): derived from the contracts (ADR 0016).
import type { Reply } from '../../../common/api/contract';
import type { getMyDossier, listStore, startFiling, submitOnline } from '../../../common/api/dossiers';

type Filing = Reply<typeof startFiling>;

/** A paper the procedure asks for ("thành phần hồ sơ"). */
export type ProcedureDocument = Filing['procedure']['documents'][number];

/** A file attached to a document of the dossier. */
export type Paper = NonNullable<Filing['draft']>['documents'][number];

/** A paper of the citizen's Kho dữ liệu. */
export type StoreItem = Reply<typeof listStore>[number];

/** The dossier after submission, reception or a decision of the desk. */
export type DossierResult = Reply<typeof submitOnline>;

/** One dossier as the citizen and the desk see it. */
export type DossierDetail = Reply<typeof getMyDossier>;

/** One step of the dossier's history. */
export type DossierEvent = DossierDetail['events'][number];
