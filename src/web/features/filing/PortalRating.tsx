// "Đánh giá mức độ hài lòng": once the result is returned, one rating per dossier — a level for
// each criterion the national portal asks about, and a comment. The overall level is the lowest of
// the criteria (src/common/rating.ts), shown as the citizen chooses.
import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import type { Reply } from '../../../common/api/contract';
import { rateDossier, type getMyDossier } from '../../../common/api/dossiers';
import { isRatingLevel, overallLevel, RATING_CRITERIA, RATING_LEVEL_LABELS, type RatingCriteria, type RatingLevel } from '../../../common/rating';
import { errorMessage } from '../../api';
import { RatingSummary } from '../../components/dossier/RatingSummary';
import { useApiMutation } from '../../data/hooks';
import { CITIZEN_DOSSIER_READS } from './citizen-dossier-reads';

const LEVELS: RatingLevel[] = [3, 2, 1];

type RatingValues = Partial<Record<(typeof RATING_CRITERIA)[number]['key'], number>> & { comment?: string };

/** The dossier's reads are fetched again once rated; `onRated` is told too. */
export function PortalRating({ id, status, rating, onRated }: { id: string; status: number; rating: Reply<typeof getMyDossier>['rating']; onRated?: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingValues>();
  const values = Form.useWatch([], form) as RatingValues | undefined;
  const rate = useApiMutation(rateDossier, { invalidates: CITIZEN_DOSSIER_READS });
  if (status !== DOSSIER_STATUS.RESULT_RETURNED) return null;
  if (rating) {
    return (
      <Card size="small" title="Đánh giá mức độ hài lòng">
        <RatingSummary rating={rating} who="citizen" />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          Cảm ơn bạn đã góp ý cho cơ quan giải quyết.
        </Typography.Paragraph>
      </Card>
    );
  }
  const chosen = RATING_CRITERIA.every((c) => isRatingLevel(values?.[c.key])) ? overallLevel(values as RatingCriteria) : null;
  const send = async (v: RatingValues) => {
    try {
      // The form requires every criterion before it submits.
      const criteria = Object.fromEntries(RATING_CRITERIA.map((c) => [c.key, v[c.key]]));
      await rate.mutateAsync({ params: { id }, body: { criteria, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) } });
      message.success('Cảm ơn bạn đã đánh giá.');
      onRated?.();
    } catch {
      // Shown from the mutation's state.
    }
  };
  return (
    <Card size="small" title="Đánh giá mức độ hài lòng">
      <Typography.Paragraph type="secondary">Hãy cho biết mức độ hài lòng của bạn với từng nội dung dưới đây.</Typography.Paragraph>
      <Form form={form} name="dossier-rating" layout="vertical" onFinish={(v) => void send(v)} requiredMark={false}>
        {RATING_CRITERIA.map((c) => (
          <Form.Item key={c.key} name={c.key} label={c.label} extra={c.hint} rules={[{ required: true, message: `Chọn mức độ hài lòng về "${c.label.toLowerCase()}".` }]}>
            <Radio.Group style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
              {LEVELS.map((l) => (
                <Radio key={l} value={l} style={{ minHeight: 44, alignItems: 'center' }}>
                  {RATING_LEVEL_LABELS[l]}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        ))}
        <Form.Item name="comment" label="Ý kiến góp ý (không bắt buộc)">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {chosen && (
          <Typography.Paragraph data-testid="rating-overall">
            Mức chung: <strong>{RATING_LEVEL_LABELS[chosen]}</strong> (theo tiêu chí được đánh giá thấp nhất)
          </Typography.Paragraph>
        )}
        {rate.error && <Alert role="alert" type="error" showIcon title={errorMessage(rate.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={rate.isPending}>
          Gửi đánh giá
        </Button>
      </Form>
    </Card>
  );
}
