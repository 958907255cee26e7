// The facts every view of a dossier starts with, for the citizen ("Hồ sơ của tôi") and for anyone
// tracking it ("Tra cứu hồ sơ"): code, status, procedure, receiving agency, when it was filed;
// each view adds its own (`more`).
import { Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { StatusTag } from './StatusTag';

export function DossierSummaryFacts(props: {
  code: string;
  status: number;
  statusLabel: string;
  procedureName: string;
  agencyName: ReactNode;
  submitted: ReactNode;
  more: NonNullable<DescriptionsProps['items']>;
}) {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'code', label: 'Mã hồ sơ', children: props.code },
    { key: 'status', label: 'Trạng thái', children: <StatusTag status={props.status} label={props.statusLabel} audience="citizen" /> },
    { key: 'procedure', label: 'Thủ tục', span: 2, children: props.procedureName },
    { key: 'agency', label: 'Cơ quan tiếp nhận', span: 2, children: props.agencyName },
    { key: 'submitted', label: 'Ngày nộp', children: props.submitted },
    ...props.more,
  ];
  return <Descriptions bordered column={{ xs: 1, md: 2 }} size="small" items={items} />;
}
