// "Gửi phản ánh, kiến nghị": about one of the citizen's dossiers (its agency receives it) or about
// a procedure (to the receiving agency the citizen chooses, as when filing). Limits are the
// contract's; the citizen confirms before it is sent.
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listMyDossiers } from '../../../common/api/dossiers';
import { FEEDBACK_LIMITS, listMyFeedback, sendFeedback } from '../../../common/api/feedback';
import type { Reply } from '../../../common/api/contract';
import { listProcedures } from '../../../common/api/procedures';
import { errorMessage } from '../../api';
import { useApiMutation, useApiQuery } from '../../data/hooks';
import { AgencySelect, type AgencyValue } from '../filing/AgencySelect';

interface Values {
  kind: 'dossier' | 'procedure';
  dossierId?: string;
  procedureCode?: string;
  agency?: AgencyValue;
  title: string;
  content: string;
  consentPublic: boolean;
}

const L = FEEDBACK_LIMITS;
const length = (min: number, max: number, what: string) => ({
  validator: (_: unknown, v: string | undefined) => {
    const n = [...(v ?? '').replace(/\s+/g, ' ').trim()].length;
    return n >= min && n <= max ? Promise.resolve() : Promise.reject(new Error(`${what} phải có từ ${min} đến ${max.toLocaleString('vi-VN')} ký tự.`));
  },
});

function ProcedureSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const [q, setQ] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const { data, isFetching } = useApiQuery(listProcedures, { query: { q, pageSize: 20 } }, { keepPrevious: true });
  const options = (data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} – ${p.name}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: (t) => { window.clearTimeout(timer.current); timer.current = window.setTimeout(() => setQ(t), 250); } }}
      loading={isFetching}
      virtual={false}
      placeholder="Gõ tên hoặc mã thủ tục để tìm (không cần dấu)"
      options={options}
      notFoundContent="Không có thủ tục phù hợp"
    />
  );
}

export function SendFeedbackForm() {
  const [params] = useSearchParams();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submissionKey = useMemo(() => `pakn-${crypto.randomUUID()}`, []);
  const send = useApiMutation(sendFeedback, { invalidates: [listMyFeedback] });
  const [sent, setSent] = useState<Reply<typeof sendFeedback> | null>(null);
  const kind = Form.useWatch('kind', form);
  const procedureCode = Form.useWatch('procedureCode', form);
  const dossiers = useApiQuery(listMyDossiers, { query: { page: 1, pageSize: 100 } }, { enabled: kind === 'dossier' });
  const initial: Partial<Values> = {
    kind: params.get('thuTuc') ? 'procedure' : 'dossier',
    dossierId: params.get('hoSo') ?? undefined,
    procedureCode: params.get('thuTuc') ?? undefined,
    consentPublic: false,
  };

  if (sent) {
    return (
      <Result
        status="success"
        title={`Đã gửi phản ánh, kiến nghị ${sent.code}`}
        subTitle={`${sent.agency.name} đã tiếp nhận. Bạn sẽ nhận được tin nhắn khi cơ quan trả lời.`}
        extra={<Link to="/phan-anh-kien-nghi">Về trang Phản ánh, kiến nghị</Link>}
      />
    );
  }

  const submit = (v: Values) =>
    modal.confirm({
      title: 'Gửi phản ánh, kiến nghị?',
      content: `Phản ánh "${v.title.trim()}" sẽ được gửi tới cơ quan có thẩm quyền${v.consentPublic ? '; khi đã được trả lời, câu hỏi và câu trả lời được công khai (không kèm thông tin cá nhân của bạn)' : ''}.`,
      okText: 'Gửi',
      cancelText: 'Xem lại',
      onOk: async () => {
        const body =
          v.kind === 'dossier'
            ? { dossierId: v.dossierId, title: v.title, content: v.content, consentPublic: v.consentPublic, submissionKey }
            : { procedureCode: v.procedureCode, agencyId: v.agency?.value, title: v.title, content: v.content, consentPublic: v.consentPublic, submissionKey };
        setSent(await send.mutateAsync({ body }));
      },
    });

  return (
    <Card size="small">
      <Form form={form} name="sendFeedback" layout="vertical" initialValues={initial} onFinish={submit} requiredMark>
        <Form.Item label="Phản ánh, kiến nghị về" name="kind">
          <Radio.Group
            options={[
              { value: 'dossier', label: 'Một hồ sơ của tôi' },
              { value: 'procedure', label: 'Một thủ tục hành chính' },
            ]}
          />
        </Form.Item>
        {kind === 'dossier' ? (
          <Form.Item label="Hồ sơ" name="dossierId" rules={[{ required: true, message: 'Hãy chọn hồ sơ.' }]} extra="Phản ánh được gửi tới cơ quan tiếp nhận hồ sơ.">
            <Select
              virtual={false}
              loading={dossiers.isFetching}
              placeholder="Chọn hồ sơ"
              options={(dossiers.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.code} – ${d.procedureName}` }))}
              notFoundContent="Bạn chưa có hồ sơ nào"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item label="Thủ tục hành chính" name="procedureCode" rules={[{ required: true, message: 'Hãy chọn thủ tục.' }]}>
              <ProcedureSelect />
            </Form.Item>
            {procedureCode && (
              <Form.Item label="Cơ quan nhận phản ánh" name="agency" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
                <AgencySelect key={procedureCode} code={procedureCode} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item label="Tiêu đề" name="title" rules={[length(L.titleMin, L.titleMax, 'Tiêu đề')]}>
          <Input maxLength={L.titleMax} showCount />
        </Form.Item>
        <Form.Item label="Nội dung" name="content" rules={[length(L.contentMin, L.contentMax, 'Nội dung')]}>
          <Input.TextArea rows={6} maxLength={L.contentMax} showCount />
        </Form.Item>
        <Form.Item name="consentPublic" valuePropName="checked" extra="Chỉ công khai tiêu đề, nội dung và câu trả lời; không công khai họ tên, số điện thoại hay mã hồ sơ của bạn.">
          <Checkbox>Đồng ý công khai phản ánh, kiến nghị và câu trả lời</Checkbox>
        </Form.Item>
        {send.error && <Alert role="alert" type="error" showIcon title={errorMessage(send.error)} style={{ marginBottom: 16 }} />}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            Gửi phản ánh, kiến nghị
          </Button>
          <Link to="/phan-anh-kien-nghi">Hủy</Link>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          Bạn sẽ được xem lại trước khi gửi.
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
