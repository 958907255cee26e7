// A unit's state: active, merged into another unit, or inactive.
import { Tag } from 'antd';
import type { listAgencyChildren } from '../../../common/api/agencies';
import type { Reply } from '../../../common/api/contract';

type AgencyNode = Reply<typeof listAgencyChildren>['items'][number];

export function StatusTag({ a }: { a: Pick<AgencyNode, 'status' | 'successor'> }) {
  if (a.status === 'active') return <Tag color="green">Đang hoạt động</Tag>;
  if (a.successor)
    return (
      <Tag color="orange" style={{ whiteSpace: 'normal' }}>
        Đã sáp nhập vào {a.successor.name}
      </Tag>
    );
  return <Tag>Ngừng hoạt động</Tag>;
}
