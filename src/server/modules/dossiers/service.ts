// Hồ sơ (issue 6): the module's service, as routes.ts and other modules ask it (ADR 0016). The
// work lives in one file per part, each importing only the shared ones below it (no cycles):
//   access.ts    actors, loading a dossier and who may see it, history events, applicant notices
//   intake.ts    what filing and the desk share: prefill, the checks, the keyed insert
//   filing.ts    online filing: start, drafts, submit, supplementation
//   reception.ts the desk: find the citizen, receive in person, the reception queue
//   store.ts     Kho dữ liệu and downloading a paper
//   viewing.ts   the citizen's list, a dossier's detail, receipt, result and apology letter
// Processing (processing.ts, workflow.ts) and the signed result (result.ts) sit beside them.
export { discardDraft, receivingAgencies, saveDraft, startFiling, submitOnline, supplement } from './filing.js';
export {
  decide,
  deskFindCitizen,
  deskReceive,
  deskStart,
  deskUploadPaper,
  listQueue,
  officerReceivingAgencies,
} from './reception.js';
export { addToStore, downloadPaper, listStore, removeFromStore } from './store.js';
export { apologyForViewer, getDossier, listMine, receiptPdf, resultForViewer, resultPreviewFor } from './viewing.js';
// Counts for the public portal (procedures module, wired by app.ts): no personal data.
export { dossierCountsByProcedure, publicFigures } from './usage.js';
