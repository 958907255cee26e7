// "Thông tin đơn vị": the selected unit, the change planned for it, the changes that can be made to
// it, its scheduled changes and its history.
import { Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import type { getAgency } from '../../../common/api/agencies';
import type { Reply } from '../../../common/api/contract';
import { formatDate } from '../../format';
import { AgencyHistory } from './AgencyHistory';
import type { AgencyChange } from './AgencyChangeDialog';
import { KIND_LABEL } from './labels';
import { PlannedChangeAlert, ScheduledChangesTable } from './PlannedChanges';
import { StatusTag } from './StatusTag';

type AgencyDetail = Reply<typeof getAgency>;

export function AgencyDetailPanel(props: { detail: AgencyDetail | null; loading: boolean; onChange: (c: AgencyChange) => void }) {
  const { detail, onChange: open } = props;
  const active = detail?.status === 'active';
  return (
    <Card size="small" title="Thông tin đơn vị" loading={props.loading && !detail}>
      {!detail ? (
        <Empty description="Chọn một đơn vị trên cây hoặc tìm theo Mã định danh, tên đơn vị." />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <PlannedChangeAlert detail={detail} />
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 180 } }}>
            <Descriptions.Item label="Mã định danh">{detail.code}</Descriptions.Item>
            <Descriptions.Item label="Tên đơn vị">{detail.name}</Descriptions.Item>
            <Descriptions.Item label="Loại">{KIND_LABEL[detail.kind]}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị cấp trên">{detail.parent ? `${detail.parent.code} — ${detail.parent.name}` : '(không có)'}</Descriptions.Item>
            {detail.path.length > 0 && <Descriptions.Item label="Thuộc">{[...detail.path.map((p) => p.name), detail.name].join(' › ')}</Descriptions.Item>}
            <Descriptions.Item label="Trạng thái">
              <StatusTag a={detail} />
            </Descriptions.Item>
            <Descriptions.Item label="Hiệu lực từ">{formatDate(detail.validFrom) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Hiệu lực đến">{formatDate(detail.validTo) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Số cán bộ">{detail.officerCount.toLocaleString('vi-VN')}</Descriptions.Item>
            {detail.mergedFrom.length > 0 && (
              <Descriptions.Item label="Các đơn vị đã sáp nhập vào đơn vị này">{detail.mergedFrom.map((m) => `${m.code} — ${m.name}`).join('; ')}</Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap>
            <Button type="primary" disabled={!active} onClick={() => open('create')}>
              Thêm đơn vị trực thuộc
            </Button>
            <Button onClick={() => open('edit')}>Sửa</Button>
            <Button disabled={!active || !detail.canRestructure} onClick={() => open('move')}>
              Chuyển đơn vị cấp trên
            </Button>
            <Button disabled={!active || !detail.canRestructure} onClick={() => open('merge')}>
              Sáp nhập
            </Button>
            {active ? (
              <Button danger disabled={!detail.canRestructure} onClick={() => open('deactivate')}>
                Ngừng hoạt động
              </Button>
            ) : (
              <Button onClick={() => open('reactivate')}>Kích hoạt lại</Button>
            )}
          </Space>
          {!detail.canRestructure && (
            <Typography.Text type="secondary">
              Đây là đơn vị gốc trong phạm vi quản lý của bạn: chỉ quản trị cấp cao được chuyển, sáp nhập hoặc ngừng hoạt động đơn vị này.
            </Typography.Text>
          )}
          <ScheduledChangesTable rows={detail.scheduledChanges} />
          <AgencyHistory history={detail.history} />
        </Space>
      )}
    </Card>
  );
}
