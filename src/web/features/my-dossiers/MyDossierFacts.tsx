// What the citizen's dossier is: code, status, procedure, agency and its dates. The promised date
// is drawn by the caller (`appointment`: with its extension, if any).
import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { CHANNEL_LABELS, type Channel } from '../../../common/dossier-status';
import type { DossierDetail } from '../../components/dossier/dossier-types';
import { StatusTag } from '../../components/dossier/StatusTag';
import { formatDateTime } from '../../format';

export function MyDossierFacts({ d, appointment }: { d: DossierDetail; appointment: ReactNode }) {
  return (
    <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label="Mã hồ sơ">{d.code}</Descriptions.Item>
      <Descriptions.Item label="Trạng thái">
        <StatusTag status={d.status} label={d.statusLabel} audience="citizen" />
      </Descriptions.Item>
      <Descriptions.Item label="Thủ tục" span={2}>
        {d.procedureName}
      </Descriptions.Item>
      <Descriptions.Item label="Cơ quan tiếp nhận" span={2}>
        {d.agency?.name ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label="Ngày nộp">{formatDateTime(d.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label="Hình thức nộp">{CHANNEL_LABELS[d.channel as Channel] ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="Ngày tiếp nhận">{d.receivedAt ? formatDateTime(d.receivedAt) : 'Chưa tiếp nhận'}</Descriptions.Item>
      <Descriptions.Item label="Ngày hẹn trả kết quả">{appointment}</Descriptions.Item>
    </Descriptions>
  );
}
