// "Đánh giá mức độ hài lòng": once the result is returned, one rating per dossier.
import { Alert, App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import type { Reply } from '../../../common/api/contract';
import { rateDossier, type getMyDossier } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { formatDateTime } from '../../format';
import { CITIZEN_DOSSIER_READS } from './citizen-dossier-reads';

export const RATING_CHOICES = [
  { value: 3, label: 'Rất hài lòng' },
  { value: 2, label: 'Hài lòng' },
  { value: 1, label: 'Không hài lòng' },
] as const;

type RatingValues = { rating?: number; comment?: string };

/** The dossier's reads are fetched again once rated; `onRated` is told too. */
export function PortalRating({ id, status, rating, onRated }: { id: string; status: number; rating: Reply<typeof getMyDossier>['rating']; onRated?: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingValues>();
  const rate = useApiMutation(rateDossier, { invalidates: CITIZEN_DOSSIER_READS });
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
  const send = async (v: RatingValues) => {
    try {
      // The form requires a rating before it submits.
      await rate.mutateAsync({ params: { id }, body: { rating: v.rating as number, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) } });
      message.success('Cảm ơn bạn đã đánh giá.');
      onRated?.();
    } catch {
      // Shown from the mutation's state.
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
        {rate.error && <Alert role="alert" type="error" showIcon title={errorMessage(rate.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={rate.isPending}>
          Gửi đánh giá
        </Button>
      </Form>
    </Card>
  );
}
