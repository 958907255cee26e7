// What "Tra cứu hồ sơ" tells anyone holding the code and the phone's digits: the dossier's state,
// its dates and its history (no personal data).
import { Card, Descriptions, Space, Timeline, Typography } from 'antd';
import type { Reply } from '../../../common/api/contract';
import type { trackDossier } from '../../../common/api/dossiers';
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
        <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Mã hồ sơ">{result.code}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <StatusTag status={result.status} label={result.statusLabel} audience="citizen" />
          </Descriptions.Item>
          <Descriptions.Item label="Thủ tục" span={2}>
            {result.procedureName}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan tiếp nhận" span={2}>
            {result.agencyName}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày nộp">{minutes(result.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="Ngày hẹn trả kết quả">
            {result.appointmentDate ? formatDate(result.appointmentDate) : '—'}
            {result.extendedDate && (
              <div>
                <Typography.Text type="warning">Gia hạn đến {formatDate(result.extendedDate)}</Typography.Text>
              </div>
            )}
          </Descriptions.Item>
          {result.returnedAt && <Descriptions.Item label="Ngày trả kết quả">{minutes(result.returnedAt)}</Descriptions.Item>}
        </Descriptions>
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
