// One page of the public catalogue's search: how many procedures match and, for each, its name
// (the link to its page), code, field, agency, time and how far it goes online.
import { Card, Empty, List, Space, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import type { Reply } from '../../../common/api/contract';
import type { listProcedures } from '../../../common/api/procedures';
import { OnlineTag, timeText } from './procedure-text';

export function ProcedureResults({ data, pageSize, pagination }: { data: Reply<typeof listProcedures>; pageSize: number; pagination: (total: number) => TablePaginationConfig }) {
  return (
    <Card size="small" title={`Tìm thấy ${data.total.toLocaleString('vi-VN')} thủ tục`}>
      <List
        dataSource={data.items}
        pagination={data.total > pageSize ? { ...pagination(data.total), position: 'bottom' } : false}
        locale={{ emptyText: <Empty description="Không tìm thấy thủ tục phù hợp" /> }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/thu-tuc/${p.code}`}>{p.name}</Link>}
              description={
                <Space wrap size={4}>
                  <Typography.Text type="secondary">
                    Mã {p.code} · {p.field} · {p.implementingAgency} · {timeText(p)}
                  </Typography.Text>
                  <OnlineTag fullyOnline={p.fullyOnline} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
