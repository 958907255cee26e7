// "Công bố" of a procedure: working days from the decision to publication, and "Chậm" past ten.
import { Space, Tag, Typography } from 'antd';
import type { Reply } from '../../../common/api/contract';
import type { listAdminProcedures } from '../../../common/api/procedures';
import { formatDate, formatDateTime } from '../../format';

type Item = Reply<typeof listAdminProcedures>['items'][number];

export function PublicationCell({ r }: { r: Item }) {
  if (!r.publication) return <Typography.Text type="secondary">—</Typography.Text>;
  const pending = r.publishedAt === null;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {r.publication.workingDays} ngày làm việc {r.publication.late && <Tag color="red">Chậm</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pending ? 'Chưa công bố, tính đến hôm nay' : `Công bố ${formatDateTime(r.publishedAt).slice(0, 10)}`}
        {r.decisionDate ? ` · QĐ ngày ${formatDate(r.decisionDate)}` : ''}
      </Typography.Text>
    </Space>
  );
}
