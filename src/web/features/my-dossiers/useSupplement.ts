// Supplementing a dossier the receiving agency sent back (status "Yêu cầu bổ sung"): the e-form and
// the papers become editable, are checked here, then sent; the server's own objections are shown
// next to the field or the paper they concern.
import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { supplementDossier } from '../../../common/api/dossiers';
import { ApiError, errorMessage } from '../../api';
import type { DossierDetail, Paper, ProcedureDocument } from '../../components/dossier/dossier-types';
import { formDataOf, missingPositions } from '../../components/dossier/dossier-utils';
import { useApiMutation } from '../../data/hooks';
import { CITIZEN_DOSSIER_READS } from '../filing/citizen-dossier-reads';

const INCOMPLETE = 'Hồ sơ bổ sung chưa đầy đủ; hãy kiểm tra các mục được đánh dấu đỏ.';

/** The papers to show: what the procedure asks for, or (a procedure without that list) what was filed. */
export function paperDocuments(d: DossierDetail): ProcedureDocument[] {
  if (d.requiredDocuments.length) return d.requiredDocuments;
  return [...new Map(d.documents.map((p) => [p.position, { position: p.position, name: p.name, quantity: '', required: false, templateName: null }])).values()];
}

export function useSupplement(d: DossierDetail | undefined) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState(false);
  const [papers, setPapers] = useState<Paper[]>([]);
  const [missing, setMissing] = useState<number[]>([]);
  const [incomplete, setIncomplete] = useState(false);
  const send = useApiMutation(supplementDossier, { invalidates: CITIZEN_DOSSIER_READS });

  // Each read of the dossier (the first, and the one after a change) shows its values.
  useEffect(() => {
    if (!d) return;
    form.setFieldsValue(d.formData);
    setPapers(d.documents);
  }, [d, form]);

  const start = () => {
    if (!d) return;
    form.setFieldsValue(d.formData);
    setPapers(d.documents);
    setMissing([]);
    setIncomplete(false);
    send.reset();
    setEditing(true);
  };
  const cancel = () => {
    if (!d) return;
    form.resetFields();
    form.setFieldsValue(d.formData);
    setPapers(d.documents);
    setEditing(false);
  };
  const submit = async () => {
    if (!d) return;
    setIncomplete(false);
    send.reset();
    let valid = true;
    try {
      await form.validateFields();
    } catch {
      valid = false;
    }
    const lacking = missingPositions(d.requiredDocuments, papers);
    setMissing(lacking);
    if (!valid || lacking.length) {
      setIncomplete(true);
      return;
    }
    try {
      await send.mutateAsync({
        params: { id: d.id },
        body: {
          formData: formDataOf(form.getFieldsValue(true)),
          documents: papers.map((p) => ({ position: p.position, fileId: p.fileId, source: p.source })),
        },
      });
      message.success('Đã gửi bổ sung hồ sơ. Hồ sơ đang chờ cơ quan tiếp nhận lại.');
      setEditing(false);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'FORM_INVALID') {
        const problems = (err.details?.problems ?? []) as { field: string; message: string }[];
        form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
      }
      if (err instanceof ApiError && err.code === 'DOSSIER_DOCUMENT_MISSING') setMissing((err.details?.positions ?? []) as number[]);
    }
  };

  return {
    form,
    editing,
    papers,
    setPapers,
    missing,
    sending: send.isPending,
    /** Why the supplement was not sent: incomplete here, or the server's answer. */
    sendError: incomplete ? INCOMPLETE : send.error ? errorMessage(send.error) : null,
    start,
    cancel,
    submit,
  };
}
