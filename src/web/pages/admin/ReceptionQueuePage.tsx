// "Hồ sơ chờ tiếp nhận" (issue 6): the dossiers of the officer's receiving agencies by status
// (default 1 Mới đăng ký, the reception queue), searchable by dossier code or CMND/CCCD. A row opens
// the dossier, where the officer receives it, asks for supplementation or refuses it.
import { Alert, Card, Space, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { DOSSIER_STATUS, DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../common/dossier-status';
import type { Reply } from '../../../common/api/contract';
import { listQueue } from '../../../common/api/dossiers-desk';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { useUrlPagination } from '../../components/url-pagination';
import { formatDate, formatDateTime } from '../../format';
import { DossierSearchTable } from '../../components/dossier/DossierSearchTable';
import { StatusTag } from '../../components/dossier/StatusTag';
import { channelLabel } from './DossierDetailPage';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

type QueuePage = Reply<typeof listQueue>;
type QueueItem = QueuePage['items'][number];

const TABS = [DOSSIER_STATUS.NEW, DOSSIER_STATUS.RECEIVED, DOSSIER_STATUS.SUPPLEMENT_REQUESTED, DOSSIER_STATUS.REFUSED].map((s) => ({
  key: String(s),
  label: DOSSIER_STATUS_LABELS[s],
}));

export function ReceptionQueuePage() {
  const { params, setParams, page, pageSize, pagination } = useUrlPagination();
  const navigate = useNavigate();
  const location = useLocation();
  const status = TABS.some((t) => t.key === params.get('status')) ? params.get('status')! : String(DOSSIER_STATUS.NEW);
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const list = useApiQuery(listQueue, { query: { status: Number(status), q: q || undefined, page, pageSize } }, { keepPrevious: true });
  const { isFetching: loading } = list;
  const data = list.data ?? null;
  const error = list.error ? errorMessage(list.error) : null;
  const here = `${location.pathname}${location.search}`;

  useEffect(() => setTyped(q), [q]);

  const change = (next: { status?: string; q?: string }) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next.status !== undefined) p.set('status', next.status);
      if (next.q !== undefined) {
        if (next.q.trim()) p.set('q', next.q.trim());
        else p.delete('q');
      }
      p.set('page', '1');
      return p;
    });

  const open = (r: QueueItem) => navigate(`/quan-tri/ho-so/${r.id}`, { state: { from: here } });

  const columns: TableColumnsType<QueueItem> = [
    {
      title: 'Mã hồ sơ',
      dataIndex: 'code',
      width: 200,
      render: (code: string, r) => (
        <Link to={`/quan-tri/ho-so/${r.id}`} state={{ from: here }} onClick={(e) => e.stopPropagation()}>
          {code}
        </Link>
      ),
    },
    { title: 'Thủ tục', dataIndex: 'procedureName', render: (name: string, r) => <span title={r.procedureCode}>{name}</span> },
    { title: 'Người nộp', dataIndex: 'applicantName' },
    { title: 'CMND/CCCD', dataIndex: 'applicantIdNumber', width: 120 },
    { title: 'Kênh', dataIndex: 'channel', width: 90, render: (c: number) => channelLabel(c) },
    {
      title: 'Ngày nộp',
      dataIndex: 'submittedAt',
      width: 100,
      render: (v: string) => {
        const [date, time] = formatDateTime(v).split(' ');
        return (
          <>
            {date}
            <br />
            <Typography.Text type="secondary">{time?.slice(0, 5)}</Typography.Text>
          </>
        );
      },
    },
    { title: 'Hẹn trả', dataIndex: 'appointmentDate', width: 100, render: (v: string | null) => formatDate(v) },
    { title: 'Trạng thái', dataIndex: 'status', width: 170, render: (s: number, r) => <StatusTag status={s} label={r.statusLabel} audience="officer" /> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 75,
      fixed: 'end',
      render: (_v, r) => (
        <Link to={`/quan-tri/ho-so/${r.id}`} state={{ from: here }} onClick={(e) => e.stopPropagation()}>
          {r.status === DOSSIER_STATUS.NEW ? 'Xử lý' : 'Xem'}
        </Link>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Hồ sơ chờ tiếp nhận
      </PageHeading>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Card size="small">
        <Tabs activeKey={status} items={TABS} onChange={(key) => change({ status: key })} />
        <DossierSearchTable<QueueItem>
          typed={typed}
          onType={setTyped}
          onSearch={(v) => change({ q: v })}
          data={data}
          loading={loading}
          columns={columns}
          onOpen={open}
          emptyText={q ? 'Không tìm thấy hồ sơ phù hợp' : `Không có hồ sơ ở trạng thái "${DOSSIER_STATUS_LABELS[Number(status) as DossierStatus]}"`}
          scrollX={1080}
          pagination={pagination(data?.total ?? 0)}
        />
      </Card>
    </Space>
  );
}
