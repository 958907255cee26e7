// "Quá trình xử lý": every event of the dossier, its status after it, who acted and why.
import { Timeline, Typography } from 'antd';
import { ACTION_LABELS } from '../../../common/workflow';
import type { DossierEvent } from '../../components/dossier/dossier-types';
import { formatDateTime } from '../../format';

const EVENT_LABELS: Record<string, string> = {
  submitted: 'Nộp hồ sơ trực tuyến',
  received_in_person: 'Tiếp nhận hồ sơ trực tiếp',
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung giấy tờ',
  refused: 'Từ chối tiếp nhận',
  supplemented: 'Công dân bổ sung hồ sơ',
};

const EVENT_COLOR: Record<number, string> = { 2: 'green', 3: 'red', 5: 'orange', 6: 'gold', 7: 'gray', 8: 'red', 10: 'green' };

export function DossierHistory({ events }: { events: DossierEvent[] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        color: EVENT_COLOR[e.toStatus] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong>{EVENT_LABELS[e.action] ?? ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? e.action}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              – {formatDateTime(e.at)}
              {e.actorName ? ` – ${e.actorName}` : ''}
            </Typography.Text>
            <div>Trạng thái: {e.toStatusLabel}</div>
            {e.reason && <div>Nội dung: {e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
