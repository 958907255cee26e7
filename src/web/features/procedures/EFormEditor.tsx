// The e-form of a procedure: JSON in a text area, checked by the server; its refusal lists the
// problems in Vietnamese.
import { Alert, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { getAdminProcedure, setProcedureForm, type listAdminProcedures } from '../../../common/api/procedures';
import { errorMessage } from '../../api';
import { useApiMutation, useApiQuery } from '../../data/hooks';
import { PROCEDURE_READS } from './catalogue';

type Item = Reply<typeof listAdminProcedures>['items'][number];

const SKELETON = {
  title: 'Tờ khai …',
  schema: { type: 'object', additionalProperties: false, properties: { hoTen: { type: 'string', maxLength: 100 } }, required: ['hoTen'] },
  layout: [{ title: 'Thông tin người yêu cầu', fields: [{ name: 'hoTen', label: 'Họ, chữ đệm, tên', widget: 'text', prefill: 'applicant.fullName' }] }],
};

export function EFormEditor(props: { item: Item; onClose: () => void }) {
  const { data: detail, error: loadError } = useApiQuery(getAdminProcedure, { params: { id: props.item.id } });
  const setForm = useApiMutation(setProcedureForm, { invalidates: PROCEDURE_READS });
  const [text, setText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);

  // The text area starts from the stored form once; what is typed afterwards is the officer's.
  useEffect(() => {
    if (detail && text === null) setText(JSON.stringify(detail.form ?? SKELETON, null, 2));
  }, [detail, text]);

  const current = (detail?.form ?? null) as { title?: string } | null;
  const loaded = detail && current ? { title: current.title ?? '', fieldCount: detail.formFieldCount } : null;
  const saved = setForm.data;
  const refused = setForm.error;
  const problems =
    refused?.code === 'FORM_DEFINITION_INVALID' && Array.isArray(refused.details?.problems) ? (refused.details.problems as string[]) : [];
  const error = jsonError ?? (refused && problems.length === 0 ? errorMessage(refused) : loadError ? errorMessage(loadError) : null);

  const save = async () => {
    setJsonError(null);
    let body: unknown;
    try {
      body = JSON.parse(text ?? '');
    } catch (err) {
      setForm.reset();
      setJsonError(`Nội dung không phải JSON hợp lệ: ${(err as Error).message}`);
      return;
    }
    // The answer and a refusal are shown from the mutation's state.
    await setForm.mutateAsync({ params: { id: props.item.id }, body }).catch(() => undefined);
  };

  return (
    <Modal
      open
      width={860}
      title={`Biểu mẫu điện tử: ${props.item.name}`}
      okText="Kiểm tra và lưu"
      cancelText="Đóng"
      okButtonProps={{ loading: setForm.isPending }}
      onOk={() => void save()}
      onCancel={props.onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Dán biểu mẫu dạng JSON gồm <code>title</code>, <code>schema</code> (JSON Schema 2020-12) và <code>layout</code> (các phần và trường hiển thị).
        </Typography.Paragraph>
        {loaded ? (
          <Typography.Text>
            Biểu mẫu hiện tại: <b>{loaded.title}</b> — {loaded.fieldCount} trường.
          </Typography.Text>
        ) : (
          <Alert type="warning" showIcon title="Thủ tục chưa có biểu mẫu điện tử; công dân chưa nộp hồ sơ trực tuyến được." />
        )}
        {saved && <Alert role="status" type="success" showIcon title={`Biểu mẫu hợp lệ: "${saved.title}" gồm ${saved.fieldCount} trường trong ${saved.sectionCount} phần. Đã lưu.`} />}
        {error && <Alert role="alert" type="error" showIcon title={error} />}
        {problems.length > 0 && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title="Biểu mẫu chưa hợp lệ, chưa được lưu:"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Input.TextArea
          aria-label="Biểu mẫu điện tử (JSON)"
          value={text ?? ''}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 16, maxRows: 28 }}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
        />
      </Space>
    </Modal>
  );
}
