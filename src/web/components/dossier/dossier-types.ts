// Shapes of the dossier API (src/server/modules/dossiers/service.ts) shared by the portal pages
// (online filing, Hồ sơ của tôi, Kho dữ liệu) and the back office (desk reception, dossier detail).
import type { EForm, FormValues, ProvenanceMap } from '../../../common/eform';

/** A paper the procedure asks for ("thành phần hồ sơ"). */
export interface ProcedureDocument {
  position: number;
  name: string;
  quantity: string;
  required: boolean;
  templateName: string | null;
}

/** A file attached to a document of the dossier. */
export interface Paper {
  position: number;
  fileId: string;
  source: 'upload' | 'scan' | 'store';
  fileName: string;
  size: number;
  type: string;
}

/** A paper of the citizen's Kho dữ liệu. */
export interface StoreItem {
  id: string;
  title: string;
  kind: 'upload' | 'result';
  fileId: string;
  fileName: string;
  size: number;
  type: string;
  createdAt: string;
}

/** The dossier after submission, reception or a decision of the desk. */
export interface DossierResult {
  id: string;
  code: string;
  status: number;
  statusLabel: string;
  submittedAt: string;
  appointmentDate: string | null;
  submitSeconds: number | null;
}

/** One step of the dossier's history. */
export interface DossierEvent {
  at: string;
  action: string;
  actorName: string | null;
  fromStatus: number | null;
  toStatus: number;
  toStatusLabel: string;
  reason: string | null;
}

/** One dossier as the citizen and the desk see it. */
export interface DossierDetail {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  agency: { id: string; code: string; name: string } | null;
  applicant: { id: string; fullName: string; idNumber: string | null };
  channel: number;
  status: number;
  statusLabel: string;
  statusReason: string | null;
  submittedAt: string;
  receivedAt: string | null;
  receivedByName: string | null;
  appointmentDate: string | null;
  formData: FormValues;
  provenance: ProvenanceMap;
  form: EForm | null;
  requiredDocuments: ProcedureDocument[];
  documents: (Paper & { name: string })[];
  events: DossierEvent[];
}
