// "Quá trình xử lý" as the citizen reads it: one row per event, its status after it, who acted and why.
import { ACTION_LABELS } from '../../../common/workflow';
import type { DossierEvent } from '../../components/dossier/dossier-types';
import { StatusTag } from '../../components/dossier/StatusTag';
import { formatDateTime } from '../../format';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const EVENT_LABELS: Record<string, string> = {
  submitted: 'Nộp hồ sơ trực tuyến',
  received_in_person: 'Tiếp nhận trực tiếp',
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung',
  refused: 'Từ chối tiếp nhận',
  supplemented: 'Bổ sung hồ sơ',
};
const eventLabel = (action: string) => EVENT_LABELS[action] ?? (ACTION_LABELS as Record<string, string>)[action] ?? action;

export function MyDossierHistory({ events }: { events: DossierEvent[] }) {
  return (
    <ResponsiveTable<DossierEvent>
      rowKey={(e) => `${e.at}-${e.action}`}
      size="small"
      pagination={false}
      dataSource={events}
      scroll={{ x: 640 }}
      columns={[
        { title: 'Thời gian', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
        { title: 'Nội dung', dataIndex: 'action', width: 170, render: (v: string) => eventLabel(v) },
        { title: 'Trạng thái', dataIndex: 'toStatusLabel', width: 170, render: (v: string, r) => <StatusTag status={r.toStatus} label={v} audience="citizen" /> },
        { title: 'Người thực hiện', dataIndex: 'actorName', width: 160, render: (v: string | null) => v ?? '—' },
        { title: 'Lý do, ghi chú', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}
