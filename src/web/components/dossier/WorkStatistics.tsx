// The unit's figures the seeds score (QĐ 766): on-time share, satisfaction, online share and the
// average time from login to a successful online submission.
import { Card, Statistic, Typography } from 'antd';
import { unitStatistics } from '../../../common/api/dossiers-desk';
import { useApiQuery } from '../../data/hooks';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);

export function WorkStatistics() {
  const { data } = useApiQuery(unitStatistics, {});
  if (!data) return null;
  const d = data.dossiers;
  const minutes = d.avgLoginToSubmitSeconds === null ? '—' : `${Math.floor(d.avgLoginToSubmitSeconds / 60)} phút ${d.avgLoginToSubmitSeconds % 60} giây`;
  return (
    <Card size="small" title="Chỉ số của đơn vị">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: 16 }}>
        <Statistic title={`Đúng hạn (${d.onTime}/${d.finished} hồ sơ đã xử lý)`} value={pct(d.onTimeShare)} />
        <Statistic title={`Hài lòng (${data.ratings.total} đánh giá)`} value={pct(data.ratings.satisfiedShare)} />
        <Statistic title={`Nộp trực tuyến (${d.online}/${d.total} hồ sơ)`} value={pct(d.total ? d.online / d.total : null)} />
        <Statistic title="Thời gian đăng nhập → nộp thành công (trung bình)" value={minutes} />
      </div>
      {/* Issue 15: a rating counts as satisfied when no criterion is Không hài lòng (src/common/rating.ts). */}
      {data.ratings.criteria.some((c) => c.rated > 0) && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          Hài lòng theo tiêu chí: {data.ratings.criteria.map((c) => `${c.label} ${pct(c.satisfiedShare)}`).join(' · ')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
