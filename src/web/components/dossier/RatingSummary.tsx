// A satisfaction rating as given (issue 15): the overall level (the lowest of the criteria,
// src/common/rating.ts), each criterion's level, the comment. The citizen's "Hồ sơ của tôi" and the
// officers' dossier detail show it alike.
import { Descriptions, Space, Typography } from 'antd';
import { formatDateTime } from '../../format';
import type { DossierDetail } from './dossier-types';

type Rating = NonNullable<DossierDetail['rating']>;

/** A rating as given: the overall level, each criterion's (none for a rating given before criteria), the comment. */
export function RatingSummary({ rating, who }: { rating: Rating; who: 'citizen' | 'officer' }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <span>
        {who === 'citizen' ? 'Bạn đã đánh giá' : 'Công dân đánh giá'}: <strong>{rating.label}</strong> ({formatDateTime(rating.at).slice(0, 16)})
        {rating.criteria && <Typography.Text type="secondary"> – mức chung, theo tiêu chí được đánh giá thấp nhất</Typography.Text>}
      </span>
      {rating.criteria ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={rating.criteria.map((c) => ({ key: c.key, label: c.label, children: c.levelLabel }))}
        />
      ) : (
        <Typography.Text type="secondary">Đánh giá chung (trước khi có đánh giá theo từng tiêu chí).</Typography.Text>
      )}
      {rating.comment && <Typography.Text>Ý kiến: {rating.comment}</Typography.Text>}
    </Space>
  );
}
