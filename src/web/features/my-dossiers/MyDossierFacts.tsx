// What the citizen's dossier is: code, status, procedure, agency and its dates. The promised date
// is drawn by the caller (`appointment`: with its extension, if any).
import type { ReactNode } from 'react';
import { CHANNEL_LABELS, type Channel } from '../../../common/dossier-status';
import type { DossierDetail } from '../../components/dossier/dossier-types';
import { DossierSummaryFacts } from '../../components/dossier/DossierSummaryFacts';
import { DeliverySummary } from '../../components/dossier/DeliverySummary';
import { formatDateTime } from '../../format';

export function MyDossierFacts({ d, appointment }: { d: DossierDetail; appointment: ReactNode }) {
  return (
    <DossierSummaryFacts
      code={d.code}
      status={d.status}
      statusLabel={d.statusLabel}
      procedureName={d.procedureName}
      agencyName={d.agency?.name ?? '—'}
      submitted={formatDateTime(d.submittedAt)}
      more={[
        { key: 'channel', label: 'Hình thức nộp', children: CHANNEL_LABELS[d.channel as Channel] ?? '—' },
        { key: 'received', label: 'Ngày tiếp nhận', children: d.receivedAt ? formatDateTime(d.receivedAt) : 'Chưa tiếp nhận' },
        { key: 'appointment', label: 'Ngày hẹn trả kết quả', children: appointment },
        { key: 'delivery', label: 'Hình thức nhận kết quả', children: <DeliverySummary delivery={d.delivery} /> },
      ]}
    />
  );
}
