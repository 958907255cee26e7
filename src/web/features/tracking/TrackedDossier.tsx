// What "Tra cứu hồ sơ" tells anyone holding the code and the phone's digits: the dossier's state,
// its dates and its history (no personal data).
import { Card, Space, Timeline, Typography } from 'antd';
import type { Reply } from '../../../common/api/contract';
import type { trackDossier } from '../../../common/api/dossiers';
import { DossierSummaryFacts } from '../../components/dossier/DossierSummaryFacts';
import { StatusTag } from '../../components/dossier/StatusTag';
import { formatDate, formatDateTime } from '../../format';

type Tracked = Reply<typeof trackDossier>;

const minutes = (iso: string) => formatDateTime(iso).slice(0, 16);

export function TrackedDossier({ result }: { result: Tracked }) {
  return (
    <Card
      title={
        <Space wrap>
          <span>Hồ sơ {result.code}</span>
          <StatusTag status={result.status} label={result.statusLabel} audience="citizen" />
        </Space>
      }
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <DossierSummaryFacts
          code={result.code}
          status={result.status}
          statusLabel={result.statusLabel}
          procedureName={result.procedureName}
          agencyName={result.agencyName}
          submitted={minutes(result.submittedAt)}
          more={[
            {
              key: 'appointment',
              label: 'Ngày hẹn trả kết quả',
              children: (
                <>
                  {result.appointmentDate ? formatDate(result.appointmentDate) : '—'}
                  {result.extendedDate && (
                    <div>
                      <Typography.Text type="warning">Gia hạn đến {formatDate(result.extendedDate)}</Typography.Text>
                    </div>
                  )}
                </>
              ),
            },
            ...(result.returnedAt ? [{ key: 'returned', label: 'Ngày trả kết quả', children: minutes(result.returnedAt) }] : []),
          ]}
        />
        <div data-testid="tracking-history">
          <Typography.Title level={5}>Quá trình xử lý</Typography.Title>
          <Timeline
            items={result.events.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: i === result.events.length - 1 ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text type="secondary">{minutes(e.at)}</Typography.Text>
                  <div>
                    <strong>{e.action}</strong> — {e.toStatusLabel}
                  </div>
                </div>
              ),
            }))}
          />
        </div>
      </Space>
    </Card>
  );
}
