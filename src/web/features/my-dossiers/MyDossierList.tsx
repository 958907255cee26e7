// "Hồ sơ của tôi": the citizen's dossiers, newest first, a page at a time (page and size in the address).
import { Alert, Empty, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Reply } from '../../../common/api/contract';
import { listMyDossiers } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { StatusTag } from '../../components/dossier/StatusTag';
import { useUrlPagination } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { formatDate, formatDateTime } from '../../format';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveTable } from '../../components/ResponsiveTable';

type DossierListItem = Reply<typeof listMyDossiers>['items'][number];

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
  const { page, pageSize, pagination } = useUrlPagination(20);
  const { data, error } = useApiQuery(listMyDossiers, { query: { page, pageSize } }, { keepPrevious: true });
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
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      <ResponsiveTable<DossierListItem>
        rowKey="id"
        size="middle"
        loading={!data && !error}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0)}
        scroll={{ x: 860 }}
        locale={{ emptyText: noDossiers }}
      />
    </Space>
  );
}
