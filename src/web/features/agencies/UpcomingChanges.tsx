// "Thay đổi dự kiến": the changes of units in the administrator's scope that wait for their
// effective date, soonest first; a unit's name opens the tree down to it.
import { Button, Card, Pagination, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { listScheduledChanges } from '../../../common/api/agencies';
import type { Reply } from '../../../common/api/contract';
import { useApiQuery } from '../../data/hooks';
import { plannedText } from './labels';

type Item = Reply<typeof listScheduledChanges>['items'][number];
const PAGE_SIZE = 5;

export function UpcomingChanges(props: { onPick: (item: Item) => void }) {
  const [page, setPage] = useState(1);
  const { data } = useApiQuery(listScheduledChanges, { query: { page, pageSize: PAGE_SIZE } }, { keepPrevious: true });
  // A page emptied by a cancellation shows the last one left.
  const last = data && data.items.length === 0 && data.total > 0 && page > 1 ? Math.ceil(data.total / PAGE_SIZE) : null;
  useEffect(() => {
    if (last !== null) setPage(last);
  }, [last]);
  if (!data || data.total === 0) return null;
  return (
    <Card size="small" title={`Thay đổi dự kiến (${data.total.toLocaleString('vi-VN')})`} style={{ marginBottom: 12 }}>
      <ul aria-label="Thay đổi dự kiến" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {data.items.map((c) => (
          <li key={c.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Button type="link" style={{ padding: 0, height: 'auto', minHeight: 24, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => props.onPick(c)}>
              {c.unit.name}
            </Button>
            <div>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                {c.unit.code}
              </Typography.Text>
              {c.path.length > 0 && <Typography.Text type="secondary"> · {c.path.map((p) => p.name).join(' › ')}</Typography.Text>}
            </div>
            <div>{plannedText(c)}</div>
          </li>
        ))}
      </ul>
      {data.total > PAGE_SIZE && (
        <Pagination style={{ marginTop: 8 }} size="small" current={page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} onChange={setPage} />
      )}
    </Card>
  );
}
