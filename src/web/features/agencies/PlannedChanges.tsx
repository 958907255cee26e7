// A unit's changes planned for a later date (issue 15): the pending one above the details, with
// "Hủy thay đổi dự kiến" (asked to confirm), and the unit's scheduled changes with what became of
// them ("Thay đổi theo lịch"), as a list that reads at 390 px too.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Tag, Typography } from 'antd';
import { cancelScheduledChange, getAgency } from '../../../common/api/agencies';
import type { Reply } from '../../../common/api/contract';
import { errorMessage } from '../../api';
import { apiKey, useApiMutation } from '../../data/hooks';
import { formatDate, formatDateTime } from '../../format';
import { AGENCY_READS } from './reads';
import { plannedText, SCHEDULED_STATUS_LABEL } from './labels';

type AgencyDetail = Reply<typeof getAgency>;
type Scheduled = AgencyDetail['scheduledChanges'][number];

const STATUS_COLOR: Record<string, string | undefined> = { pending: 'blue', applied: 'green', cancelled: undefined, failed: 'red' };

export function PlannedChangeAlert({ detail }: { detail: AgencyDetail }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const cancel = useApiMutation(cancelScheduledChange, { invalidates: AGENCY_READS });
  const planned = detail.planned;
  if (!planned) return null;
  const text = plannedText(planned);
  const ask = () =>
    modal.confirm({
      title: 'Hủy thay đổi dự kiến?',
      content: `${text}. Sau khi hủy, thay đổi này sẽ không được áp dụng.`,
      okText: 'Hủy thay đổi',
      okButtonProps: { danger: true },
      cancelText: 'Giữ lại',
      onOk: async () => {
        try {
          const d = await cancel.mutateAsync({ params: { id: detail.id, changeId: planned.id } });
          client.setQueryData(apiKey(getAgency, { params: { id: d.id } }), d);
          message.success('Đã hủy thay đổi dự kiến.');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  return (
    <Alert
      type="info"
      showIcon
      title={text}
      description={
        <>
          <div>Thay đổi được lưu và sẽ tự động áp dụng vào ngày hiệu lực; đến lúc đó đơn vị vẫn giữ thông tin hiện tại.</div>
          <Button danger onClick={ask} loading={cancel.isPending} style={{ marginTop: 8, minHeight: 44 }}>
            Hủy thay đổi dự kiến
          </Button>
        </>
      }
    />
  );
}

/** What a scheduled change does, without "Dự kiến" and its date (shown beside it). */
const whatOf = (r: Scheduled) => {
  const t = plannedText(r).replace(/ từ \d{2}\/\d{2}\/\d{4}$/, '').replace(/^Dự kiến /, '');
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
};

export function ScheduledChangesTable({ rows }: { rows: Scheduled[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label="Thay đổi theo lịch">
      <Typography.Title level={5}>Thay đổi theo lịch</Typography.Title>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((r) => (
          <li key={r.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div>
              <b>{formatDate(r.effectiveDate)}</b> · {whatOf(r)}{' '}
              <Tag color={STATUS_COLOR[r.status]} style={{ whiteSpace: 'normal' }}>
                {SCHEDULED_STATUS_LABEL[r.status] ?? r.status}
              </Tag>
            </div>
            {r.failure && <Typography.Text type="danger">{r.failure}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              Lên lịch bởi {r.createdByName ?? '—'} lúc {formatDateTime(r.createdAt)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
