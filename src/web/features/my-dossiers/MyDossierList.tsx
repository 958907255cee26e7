// "Hồ sơ của tôi": the citizen's dossiers, newest first, a page at a time, searched by code or
// procedure and filtered by status (filters, page and size in the address).
import { Alert, Empty, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Reply } from '../../../common/api/contract';
import { listMyDossiers } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { StatusTag } from '../../components/dossier/StatusTag';
import { useKeepPageInRange, useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { formatDate, formatDateTime } from '../../format';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { MyDossierFilters } from './MyDossierFilters';

type DossierListItem = Reply<typeof listMyDossiers>['items'][number];

const FILTERS = ['q', 'status'] as const;

// After an extension (gia hạn) the new date is the one the citizen can expect.
const dueText = (r: DossierListItem) => (r.extendedDate ? `${formatDate(r.extendedDate)} (gia hạn)` : r.appointmentDate ? formatDate(r.appointmentDate) : '—');

const columns: TableColumnsType<DossierListItem> = [
  { title: 'Mã hồ sơ', dataIndex: 'code', width: 210, render: (v: string, r) => <Link to={`/ho-so-cua-toi/${r.id}`}>{v}</Link> },
  { title: 'Thủ tục', dataIndex: 'procedureName' },
  { title: 'Cơ quan tiếp nhận', dataIndex: 'agencyName', width: 180 },
  { title: 'Ngày nộp', dataIndex: 'submittedAt', width: 110, render: (v: string) => formatDateTime(v).slice(0, 10) },
  {
    title: 'Hẹn trả',
    dataIndex: 'appointmentDate',
    width: 110,
    render: (_: string | null, r: DossierListItem) => dueText(r),
  },
  { title: 'Trạng thái', dataIndex: 'statusLabel', width: 150, render: (v: string, r) => <StatusTag status={r.status} label={v} audience="citizen" /> },
];

const noDossiers = (
  <Empty
    description={
      <>
        Bạn chưa nộp hồ sơ nào. <Link to="/thu-tuc">Tìm thủ tục hành chính để nộp hồ sơ trực tuyến</Link>
      </>
    }
  />
);

export function MyDossierList() {
  const { filters, page, pageSize, apply, reset, pagination, replacePage } = useUrlList(FILTERS, 20);
  const status = Number(filters.status);
  const query = { q: filters.q, status: Number.isInteger(status) && status >= 1 && status <= 10 ? status : undefined, page, pageSize };
  const { data, error, isPlaceholderData } = useApiQuery(listMyDossiers, { query }, { keepPrevious: true });
  // An old link past the last page (?page=999) shows the last page, not an empty list.
  useKeepPageInRange({ page, pageSize, replacePage }, data, !isPlaceholderData);
  const filtered = !!(query.q || query.status);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <PageHeading style={{ margin: 0 }}>
          Hồ sơ của tôi
        </PageHeading>
        <Space wrap>
          <Link to="/tra-cuu-ho-so">Tra cứu hồ sơ</Link>
          <ButtonLink to="/thu-tuc" type="primary">Nộp hồ sơ mới</ButtonLink>
        </Space>
      </Space>
      <MyDossierFilters value={filters} onSearch={apply} onReset={reset} />
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {filtered && data && (
        <div role="status">
          Tìm thấy {data.total.toLocaleString('vi-VN')} hồ sơ phù hợp.
        </div>
      )}
      <ResponsiveTable<DossierListItem>
        rowKey="id"
        size="middle"
        loading={!data && !error}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0)}
        scroll={{ x: 860 }}
        locale={{ emptyText: filtered ? <Empty description="Không tìm thấy hồ sơ phù hợp với điều kiện tìm kiếm." /> : noDossiers }}
      />
    </Space>
  );
}
