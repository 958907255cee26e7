// One feedback in the back office: what the citizen wrote and how to reach them (opening it is
// audited), "Nhận xử lý", and the answer, confirmed before it is sent to the citizen.
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Space, Spin, Typography } from 'antd';
import { answerFeedback, FEEDBACK_LIMITS, getAgencyFeedback, listAgencyFeedback, startFeedback } from '../../../common/api/feedback';
import { errorMessage } from '../../api';
import { useApiMutation, useApiQuery } from '../../data/hooks';
import { dayOf, FeedbackStatusTag, Paragraphs } from './shared';

export function OfficerFeedbackDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const { data: f, error } = useApiQuery(getAgencyFeedback, { params: { id: id ?? '' } }, { enabled: !!id });
  const start = useApiMutation(startFeedback, { invalidates: [listAgencyFeedback, getAgencyFeedback] });
  const answer = useApiMutation(answerFeedback, { invalidates: [listAgencyFeedback, getAgencyFeedback] });
  const writeError = start.error ?? answer.error;

  const send = ({ answer: text }: { answer: string }) =>
    modal.confirm({
      title: 'Gửi câu trả lời?',
      content: 'Câu trả lời được gửi tới người phản ánh qua tin nhắn, thư điện tử và không sửa được sau khi gửi.',
      okText: 'Gửi trả lời',
      cancelText: 'Xem lại',
      onOk: async () => {
        await answer.mutateAsync({ params: { id: id! }, body: { answer: text } });
        form.resetFields();
      },
    });

  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={f ? `Phản ánh, kiến nghị ${f.code}` : 'Phản ánh, kiến nghị'} destroyOnHidden>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {!f && !error && <Spin />}
      {f && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 's', label: 'Trạng thái', children: <FeedbackStatusTag status={f.status} label={f.statusLabel} /> },
              { key: 't', label: 'Tiêu đề', children: f.title },
              { key: 'a', label: 'Về', children: f.about.dossierCode ? `Hồ sơ ${f.about.dossierCode} – ${f.about.procedureName}` : `Thủ tục ${f.about.procedureCode} – ${f.about.procedureName}` },
              { key: 'g', label: 'Cơ quan', children: f.agency.name },
              { key: 'd', label: 'Ngày gửi', children: dayOf(f.createdAt) },
              { key: 'n', label: 'Người gửi', children: f.citizen.fullName },
              { key: 'p', label: 'Số điện thoại', children: f.citizen.phone ?? '—' },
              { key: 'e', label: 'Email', children: f.citizen.email ?? '—' },
              { key: 'c', label: 'Công khai', children: f.consentPublic ? 'Đồng ý công khai' : 'Không công khai' },
            ]}
          />
          <div>
            <Typography.Title level={3}>Nội dung</Typography.Title>
            <Paragraphs text={f.content} />
          </div>
          {writeError && <Alert role="alert" type="error" showIcon title={errorMessage(writeError)} />}
          {f.status === 'answered' ? (
            <div>
              <Typography.Title level={3}>
                Trả lời ngày {dayOf(f.answeredAt)}
                {f.answeredByName ? ` (${f.answeredByName})` : ''}
              </Typography.Title>
              <Paragraphs text={f.answer ?? ''} />
            </div>
          ) : (
            <Form form={form} name="answerFeedback" layout="vertical" onFinish={send}>
              {f.status === 'received' && (
                <Button style={{ marginBottom: 16 }} loading={start.isPending} onClick={() => start.mutate({ params: { id: f.id } })}>
                  Nhận xử lý
                </Button>
              )}
              <Form.Item
                label="Nội dung trả lời"
                name="answer"
                rules={[
                  {
                    validator: (_, v: string | undefined) => {
                      const n = [...(v ?? '').trim()].length;
                      return n >= FEEDBACK_LIMITS.answerMin && n <= FEEDBACK_LIMITS.answerMax
                        ? Promise.resolve()
                        : Promise.reject(new Error(`Nội dung trả lời phải có từ ${FEEDBACK_LIMITS.answerMin} đến ${FEEDBACK_LIMITS.answerMax.toLocaleString('vi-VN')} ký tự.`));
                    },
                  },
                ]}
              >
                <Input.TextArea rows={6} maxLength={FEEDBACK_LIMITS.answerMax} showCount />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={answer.isPending}>
                Gửi trả lời
              </Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
