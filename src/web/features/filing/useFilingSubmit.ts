// "Nộp hồ sơ": every check on the page first (the agency, the e-form, the required papers, how to
// receive the result), then
// the waiting draft, then the submission with one idempotency key per page (a repeated click or a
// retry after a lost answer returns the same dossier). A refusal is shown where it belongs: the
// fields the server found wrong, the papers still missing, the agency that no longer receives.
import { App, type FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BodyOf } from '../../../common/api/contract';
import { startFiling, submitOnline, type saveDraft } from '../../../common/api/dossiers';
import { ApiError, errorMessage } from '../../api';
import type { Paper, ProcedureDocument } from '../../components/dossier/dossier-types';
import { missingPositions } from '../../components/dossier/dossier-utils';
import { deliveryBody, showDeliveryRefusal, type DeliveryValues } from '../../components/dossier/DeliveryFields';
import { useApiMutation } from '../../data/hooks';
import type { AgencyValue } from './AgencySelect';
import { conflictVersion } from './useDraftAutosave';
import { CITIZEN_DOSSIER_READS, useMarkStale } from './citizen-dossier-reads';

function scrollToFirstError() {
  requestAnimationFrame(() => document.querySelector('.ant-form-item-has-error, .paper-missing')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
}

export function useFilingSubmit(opts: {
  code: string;
  form: FormInstance;
  agencyForm: FormInstance<{ agency?: AgencyValue }>;
  deliveryForm: FormInstance<DeliveryValues>;
  /** The procedure's papers, once the page has started. */
  documents: ProcedureDocument[] | undefined;
  papers: () => Paper[];
  /** The draft as it would be saved now. */
  body: () => BodyOf<typeof saveDraft>;
  draft: { flush: () => Promise<void>; finish: () => void; version: () => number | null; conflicted: (current: number | null) => void };
  setMissing: (positions: number[]) => void;
}) {
  const { code, form, agencyForm, setMissing } = opts;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const markStale = useMarkStale();
  // The new dossier lands in "Hồ sơ của tôi"; the draft went with it.
  const submission = useApiMutation(submitOnline, { invalidates: CITIZEN_DOSSIER_READS });
  const [error, setError] = useState<string | null>(null);
  const submissionKey = useMemo(() => crypto.randomUUID(), []);

  const refused = (err: unknown) => {
    // Issue 15: a draft saved meanwhile in another tab: the choice is offered (DraftConflict).
    const theirs = conflictVersion(err);
    if (theirs !== undefined) return opts.draft.conflicted(theirs);
    setError(errorMessage(err));
    if (err instanceof ApiError) {
      if (err.code === 'FORM_INVALID') {
        const problems = (err.details?.problems ?? []) as { field: string; message: string }[];
        form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
        scrollToFirstError();
      } else if (err.code === 'DOSSIER_DOCUMENT_MISSING') {
        setMissing(((err.details?.positions ?? []) as number[]).filter((n) => typeof n === 'number'));
        scrollToFirstError();
      } else if (err.code === 'AGENCY_NOT_RECEIVING') {
        agencyForm.setFields([{ name: 'agency', errors: [err.message] }]);
      } else if (showDeliveryRefusal(opts.deliveryForm, err)) {
        scrollToFirstError();
      }
    }
    if (!(err instanceof ApiError) || err.status >= 500) message.error(errorMessage(err));
  };

  const submit = async () => {
    if (!opts.documents) return;
    setError(null);
    const checks = await Promise.allSettled([agencyForm.validateFields(), form.validateFields(), opts.deliveryForm.validateFields()]);
    const lacking = missingPositions(opts.documents, opts.papers());
    setMissing(lacking);
    if (checks.some((c) => c.status === 'rejected') || lacking.length) {
      setError(
        lacking.length && checks.every((c) => c.status === 'fulfilled')
          ? 'Còn thiếu bản điện tử của giấy tờ bắt buộc trong thành phần hồ sơ.'
          : 'Hồ sơ chưa đầy đủ; hãy kiểm tra các mục được đánh dấu đỏ.',
      );
      scrollToFirstError();
      return;
    }
    await opts.draft.flush();
    try {
      const r = await submission.mutateAsync({
        params: { code },
        body: {
          ...opts.body(),
          agencyId: agencyForm.getFieldValue('agency')!.value,
          submissionKey,
          draftVersion: opts.draft.version(),
          delivery: deliveryBody(opts.deliveryForm.getFieldsValue(true) as DeliveryValues),
        },
      });
      opts.draft.finish();
      markStale(startFiling);
      navigate(`/ho-so-cua-toi/${r.id}?moi=1`);
    } catch (err) {
      refused(err);
    }
  };

  return { submit, error, clearError: () => setError(null), submitting: submission.isPending };
}
