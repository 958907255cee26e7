// "Hồ sơ cần xử lý" (issue 7): the dossiers being processed in the officer's agencies, most urgent
// first, narrowed to overdue / due today / due soon (kept in the address), searchable by dossier
// code or CMND/CCCD. A row opens the dossier, where the officer takes the actions of their role.
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import type { Reply } from '../../../common/api/contract';
import { workList } from '../../../common/api/dossiers-desk';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { DossierSearchTable } from '../../components/dossier/DossierSearchTable';
import { StatusTag } from '../../components/dossier/StatusTag';
import { WorkStatistics } from '../../components/dossier/WorkStatistics';
import { useUrlPagination } from '../../components/url-pagination';
import { formatDate } from '../../format';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

type WorkPage = Reply<typeof workList>;
type WorkItem = WorkPage['items'][number];
type Urgency = WorkItem['urgency'];
type Bucket = Exclude<Urgency, 'later'> | 'all';

const URGENCY: Record<Exclude<Urgency, 'later'>, { label: string; color: string }> = {
  overdue: { label: 'Quá hạn', color: 'red' },
  today: { label: 'Đến hạn hôm nay', color: 'orange' },
  soon: { label: 'Sắp đến hạn', color: 'gold' },
};

const BUCKETS: Bucket[] = ['overdue', 'today', 'soon', 'all'];

export function WorkListPage() {
  const { params, setParams, page, pageSize, pagination } = useUrlPagination();
  const navigate = useNavigate();
  const location = useLocation();
  const bucket: Bucket = BUCKETS.includes(params.get('bucket') as Bucket) ? (params.get('bucket') as Bucket) : 'all';
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const list = useApiQuery(workList, { query: { bucket, q: q || undefined, page, pageSize } }, { keepPrevious: true });
  const { isFetching: loading } = list;
  const data = list.data ?? null;
  const error = list.error ? errorMessage(list.error) : null;
  const here = `${location.pathname}${location.search}`;

  useEffect(() => setTyped(q), [q]);

  const change = (next: { bucket?: Bucket; q?: string }) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next.bucket !== undefined) {
        if (next.bucket === 'all') p.delete('bucket');
        else p.set('bucket', next.bucket);
      }
      if (next.q !== undefined) {
        if (next.q.trim()) p.set('q', next.q.trim());
        else p.delete('q');
      }
      p.set('page', '1');
      return p;
    });

  const open = (r: WorkItem) => navigate(`/quan-tri/ho-so/${r.id}`, { state: { from: here } });

  const columns: TableColumnsType<WorkItem> = [
    {
      title: 'Mã hồ sơ',
      dataIndex: 'code',
      width: 175,
      render: (code: string, r) => (
        <Link style={{ whiteSpace: 'nowrap' }} to={`/quan-tri/ho-so/${r.id}`} state={{ from: here }} onClick={(e) => e.stopPropagation()}>
          {code}
        </Link>
      ),
    },
    { title: 'Thủ tục', dataIndex: 'procedureName' },
    { title: 'Người nộp', dataIndex: 'applicantName' },
    {
      title: 'Bước hiện tại',
      key: 'step',
      width: 180,
      render: (_v, r) =>
        r.step ? (
          <>
            {r.step.label}
            <br />
            <Typography.Text type="secondary">{r.step.role}</Typography.Text>
          </>
        ) : (
          <>
            {r.status === DOSSIER_STATUS.RECEIVED ? 'Chờ chuyển xử lý' : r.status === DOSSIER_STATUS.PROCESSED ? 'Chờ trả kết quả' : '—'}
            <br />
            <Typography.Text type="secondary">Bộ phận Một cửa</Typography.Text>
          </>
        ),
    },
    { title: 'Hạn bước', dataIndex: 'stepDueDate', width: 92, render: (v: string | null) => formatDate(v) },
    {
      title: 'Hẹn trả',
      dataIndex: 'appointmentDate',
      width: 110,
      render: (v: string | null, r) => (
        <>
          {formatDate(v)}
          {r.extendedDate && (
            <>
              <br />
              <Typography.Text type="warning">Gia hạn: {formatDate(r.extendedDate)}</Typography.Text>
            </>
          )}
        </>
      ),
    },
    {
      title: 'Tình trạng',
      dataIndex: 'urgency',
      width: 130,
      render: (u: Urgency, r) => (
        <Space orientation="vertical" size={2}>
          {u !== 'later' ? <Tag color={URGENCY[u].color}>{URGENCY[u].label}</Tag> : <Tag color="green">Còn hạn</Tag>}
          {r.paused && <Tag>Tạm dừng</Tag>}
        </Space>
      ),
    },
    { title: 'Trạng thái', dataIndex: 'status', width: 140, render: (s: number, r) => <StatusTag status={s} label={r.statusLabel} audience="officer" /> },
  ];

  const counts = data?.counts;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Hồ sơ cần xử lý
      </PageHeading>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <WorkStatistics />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }} role="group" aria-label="Lọc theo thời hạn">
          {(['overdue', 'today', 'soon'] as const).map((b) => (
            <Button
              key={b}
              color={URGENCY[b].color === 'red' ? 'danger' : (URGENCY[b].color as 'orange' | 'gold')}
              variant={bucket === b ? 'solid' : 'outlined'}
              aria-pressed={bucket === b}
              onClick={() => change({ bucket: b })}
            >
              {URGENCY[b].label} ({counts ? counts[b] : '…'})
            </Button>
          ))}
          <Button color="primary" variant={bucket === 'all' ? 'solid' : 'outlined'} aria-pressed={bucket === 'all'} onClick={() => change({ bucket: 'all' })}>
            Tất cả
          </Button>
        </Space>
        <DossierSearchTable<WorkItem>
          typed={typed}
          onType={setTyped}
          onSearch={(v) => change({ q: v })}
          data={data}
          loading={loading}
          columns={columns}
          onOpen={open}
          emptyText={q ? 'Không tìm thấy hồ sơ phù hợp' : 'Không có hồ sơ cần xử lý'}
          scrollX={1000}
          pagination={pagination(data?.total ?? 0)}
        />
      </Card>
    </Space>
  );
}
