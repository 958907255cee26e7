// "Danh mục thủ tục": the catalogue of administrative procedures, managed by high-level
// administrators and ADMIN CỤC KSTTHC (issue 6). Drafts, publication and withdrawal, the
// 10-working-day publication rule ("Chậm"), the e-form JSON and the templates of each document.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { getAdminProcedure, listAdminProcedures } from '../../../common/api/procedures';
import type { ProcedureStatus } from '../../../common/procedure-catalogue';
import { errorMessage } from '../../api';
import { useUrlList } from '../../components/url-pagination';
import { callApi } from '../../data/client';
import { apiKey, useApiQuery } from '../../data/hooks';
import { EFormEditor } from '../../features/procedures/EFormEditor';
import { ProcedureEditor } from '../../features/procedures/ProcedureEditor';
import { ProcedureFilters } from '../../features/procedures/ProcedureFilters';
import { ProcedureTable } from '../../features/procedures/ProcedureTable';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

type Item = Reply<typeof listAdminProcedures>['items'][number];
type Detail = Reply<typeof getAdminProcedure>;

const FILTERS = ['q', 'status', 'late'] as const;

export function ProcedureCataloguePage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const { filters, page, pageSize, apply, pagination } = useUrlList(FILTERS);
  const [editing, setEditing] = useState<Detail | 'new' | null>(null);
  const [formOf, setFormOf] = useState<Item | null>(null);
  const { data, error, isFetching } = useApiQuery(
    listAdminProcedures,
    {
      query: {
        q: filters.q,
        // A wrong status in the address is the server's to refuse (with its message).
        status: filters.status as ProcedureStatus | undefined,
        late: filters.late === 'true' ? true : undefined,
        page,
        pageSize,
      },
    },
    { keepPrevious: true },
  );

  // The editor opens on the procedure as it is now (fetched afresh, not from the cache), and
  // keeps that copy while it is being edited.
  const openEditor = async (r: Item) => {
    const input = { params: { id: r.id } };
    try {
      setEditing(
        await client.fetchQuery({
          queryKey: apiKey(getAdminProcedure, input),
          queryFn: ({ signal }) => callApi(getAdminProcedure, input, signal),
          staleTime: 0,
        }),
      );
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
          Danh mục thủ tục hành chính
        </PageHeading>
        <Button type="primary" onClick={() => setEditing('new')}>
          Thêm thủ tục
        </Button>
      </Space>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      <ProcedureFilters filters={filters} onSearch={apply} />
      <Card size="small" title={data ? `Tìm thấy ${data.total.toLocaleString('vi-VN')} thủ tục` : 'Danh sách thủ tục'}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          Thủ tục phải được công bố trong 10 ngày làm việc kể từ ngày quyết định công bố; thủ tục quá hạn được đánh dấu "Chậm". Thủ tục hết hiệu lực tự động không còn hiển thị
          trên Cổng.
        </Typography.Paragraph>
        <ProcedureTable
          items={data?.items ?? []}
          loading={isFetching}
          pagination={pagination(data?.total ?? 0)}
          onEdit={(r) => void openEditor(r)}
          onForm={setFormOf}
        />
      </Card>
      {editing !== null && <ProcedureEditor detail={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={setEditing} />}
      {formOf && <EFormEditor item={formOf} onClose={() => setFormOf(null)} />}
    </Space>
  );
}
