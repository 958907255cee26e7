// "Thông tin hồ sơ": code, procedure, agency, channel, applicant, dates, receiving officer.
import { Card, Descriptions } from 'antd';
import { DeliverySummary } from '../../components/dossier/DeliverySummary';
import { formatDate, formatDateTime } from '../../format';
import { channelLabel } from './channelLabel';
import type { OfficerDossierDetail } from './useDeskDossier';

export function DossierFacts({ d }: { d: OfficerDossierDetail }) {
  return (
    <Card size="small" title="Thông tin hồ sơ">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label="Mã hồ sơ">{d.code}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">{d.statusLabel}</Descriptions.Item>
        <Descriptions.Item label="Thủ tục" span={2}>
          {d.procedureCode} – {d.procedureName}
        </Descriptions.Item>
        <Descriptions.Item label="Cơ quan tiếp nhận">{d.agency?.name ?? ''}</Descriptions.Item>
        <Descriptions.Item label="Kênh nộp">{channelLabel(d.channel)}</Descriptions.Item>
        <Descriptions.Item label="Người nộp">{d.applicant.fullName}</Descriptions.Item>
        <Descriptions.Item label="CMND/CCCD">{d.applicant.idNumber ?? ''}</Descriptions.Item>
        <Descriptions.Item label="Ngày nộp">{formatDateTime(d.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="Hẹn trả kết quả">{formatDate(d.appointmentDate)}</Descriptions.Item>
        <Descriptions.Item label="Ngày tiếp nhận">{d.receivedAt ? formatDateTime(d.receivedAt) : 'Chưa tiếp nhận'}</Descriptions.Item>
        <Descriptions.Item label="Cán bộ tiếp nhận">{d.receivedByName ?? ''}</Descriptions.Item>
        <Descriptions.Item label="Hình thức nhận kết quả" span={2}>
          <DeliverySummary delivery={d.delivery} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
