// What the citizen sees of a dossier's processing on "Hồ sơ của tôi" (issue 7): the promised date
// and its extension, the signed result once returned, the satisfaction rating (once), and
// withdrawing a dossier still open.
import { DownloadOutlined, SafetyCertificateOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { api, errorMessage } from '../../api';
import { formatDate, formatDateTime } from '../../format';

/** The processing fields of GET /api/my/dossiers/:id (on top of DossierDetail). */
export interface PortalProcessing {
  extendedDate: string | null;
  returnedAt: string | null;
  hasResult: boolean;
  verifyToken: string | null;
  rating: { rating: number; label: string; comment: string | null; at: string } | null;
  actions: string[];
}

export const RATING_CHOICES = [
  { value: 3, label: 'Rất hài lòng' },
  { value: 2, label: 'Hài lòng' },
  { value: 1, label: 'Không hài lòng' },
] as const;

/** "Ngày hẹn trả kết quả": the promise, and the new date with the apology letter after an extension. */
export function PortalAppointment({ id, appointmentDate, extendedDate }: { id: string; appointmentDate: string | null; extendedDate: string | null }) {
  if (!appointmentDate) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      <span style={extendedDate ? { textDecoration: 'line-through', color: 'rgba(0,0,0,0.45)' } : undefined}>{formatDate(appointmentDate)}</span>
      {extendedDate && (
        <>
          <Typography.Text strong type="warning">
            Gia hạn đến {formatDate(extendedDate)}
          </Typography.Text>
          <a href={`/api/dossiers/${id}/apology.pdf`} target="_blank" rel="noreferrer">
            Phiếu xin lỗi và hẹn lại ngày trả kết quả
          </a>
        </>
      )}
    </Space>
  );
}

/** The signed result, once returned: download it and check it on the public verification page. */
export function PortalResult({ id, status, returnedAt, verifyToken }: { id: string; status: number; returnedAt: string | null; verifyToken: string | null }) {
  if (status !== DOSSIER_STATUS.RESULT_RETURNED) return null;
  return (
    <Card size="small" title="Kết quả giải quyết">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>
          Hồ sơ đã được trả kết quả{returnedAt ? ` lúc ${formatDateTime(returnedAt).slice(0, 16)}` : ''}. Kết quả điện tử được ký số bởi cơ quan giải quyết và lưu trong
          Kho dữ liệu của bạn.
        </span>
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} href={`/api/dossiers/${id}/result.pdf`} download>
            Tải kết quả (đã ký số)
          </Button>
          {verifyToken && (
            <Button icon={<SafetyCertificateOutlined />} href={`/xac-thuc/${verifyToken}`}>
              Kiểm tra tính xác thực
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

/** "Đánh giá mức độ hài lòng": once the result is returned, one rating per dossier. */
export function PortalRating({ id, status, rating, onRated }: { id: string; status: number; rating: PortalProcessing['rating']; onRated: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rating?: number; comment?: string }>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (status !== DOSSIER_STATUS.RESULT_RETURNED) return null;
  if (rating) {
    return (
      <Card size="small" title="Đánh giá mức độ hài lòng">
        <Space orientation="vertical" size={4}>
          <span>
            Bạn đã đánh giá: <strong>{rating.label}</strong> ({formatDateTime(rating.at).slice(0, 16)})
          </span>
          {rating.comment && <Typography.Text type="secondary">Ý kiến: {rating.comment}</Typography.Text>}
          <Typography.Text type="secondary">Cảm ơn bạn đã góp ý cho cơ quan giải quyết.</Typography.Text>
        </Space>
      </Card>
    );
  }
  const send = async (v: { rating?: number; comment?: string }) => {
    setSending(true);
    setError(null);
    try {
      await api.post(`/api/my/dossiers/${id}/rating`, { rating: v.rating, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) });
      message.success('Cảm ơn bạn đã đánh giá.');
      onRated();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card size="small" title="Đánh giá mức độ hài lòng">
      <Form form={form} name="dossier-rating" layout="vertical" onFinish={(v) => void send(v)} requiredMark={false}>
        <Form.Item name="rating" label="Bạn có hài lòng với việc giải quyết hồ sơ này?" rules={[{ required: true, message: 'Chọn mức độ hài lòng.' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={RATING_CHOICES.map((c) => ({ value: c.value, label: c.label }))} />
        </Form.Item>
        <Form.Item name="comment" label="Ý kiến góp ý (không bắt buộc)">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={sending}>
          Gửi đánh giá
        </Button>
      </Form>
    </Card>
  );
}

/** "Rút hồ sơ", with a confirmation and an optional reason, while the dossier is still open. */
export function PortalWithdraw({ id, code, onWithdrawn }: { id: string; code: string; onWithdrawn: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      await api.post(`/api/my/dossiers/${id}/withdraw`, reason.trim() ? { reason: reason.trim() } : {});
      message.success(`Đã rút hồ sơ ${code}.`);
      setOpen(false);
      onWithdrawn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Button danger icon={<UndoOutlined />} onClick={() => setOpen(true)}>
        Rút hồ sơ
      </Button>
      <Modal
        open={open}
        title="Rút hồ sơ"
        okText="Xác nhận rút hồ sơ"
        cancelText="Không rút"
        okButtonProps={{ danger: true, loading: sending }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>
            Bạn có chắc muốn rút hồ sơ <strong>{code}</strong>? Cơ quan sẽ dừng giải quyết hồ sơ; muốn làm lại, bạn phải nộp hồ sơ mới.
          </span>
          <label htmlFor="withdraw-reason">Lý do rút hồ sơ (không bắt buộc)</label>
          <Input.TextArea id="withdraw-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          {error && <Alert role="alert" type="error" showIcon title={error} />}
        </Space>
      </Modal>
    </>
  );
}
