// "Các lần nhập gần đây": the administrator's imports, newest first, five a page; a preview still
// open or an import done opens again (a discarded or expired preview has no rows left). Hidden when
// there are none (or they cannot be read).
import { Button, Card, Table } from 'antd';
import { listOfficerImports } from '../../../common/api/officer-import';
import type { Reply } from '../../../common/api/contract';
import { useApiQuery } from '../../data/hooks';
import { formatDateTime } from '../../format';

type ImportSummary = Reply<typeof listOfficerImports>['items'][number];

const PAGE_SIZE = 5;
const STATUS: Record<ImportSummary['status'], string> = { preview: 'Chờ xác nhận', imported: 'Đã nhập', discarded: 'Đã hủy', expired: 'Đã hết hạn' };

export function ImportHistory(props: { page: number; onPage: (page: number) => void; onOpen: (id: string) => void }) {
  const { data } = useApiQuery(listOfficerImports, { query: { page: props.page, pageSize: PAGE_SIZE } }, { keepPrevious: true });
  if (!data || data.total === 0) return null;
  return (
    <Card size="small" title="Các lần nhập gần đây">
      <Table<ImportSummary>
        rowKey="id"
        size="small"
        dataSource={data.items}
        pagination={{ current: data.page, pageSize: PAGE_SIZE, total: data.total, onChange: props.onPage, showSizeChanger: false }}
        columns={[
          { title: 'Thời gian tải lên', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: 'File', dataIndex: 'fileName' },
          { title: 'Số dòng', dataIndex: 'rowCount' },
          { title: 'Trạng thái', dataIndex: 'status', render: (s: ImportSummary['status']) => STATUS[s] },
          {
            title: 'Kết quả',
            key: 'result',
            render: (_v, r) =>
              r.result
                ? `${r.result.create} tài khoản tạo mới, ${r.result.update} cập nhật, ${r.result.unchanged} không thay đổi, ${r.result.skip} dòng bỏ qua`
                : r.status === 'expired'
                  ? 'Không nhập (quá hạn xác nhận)'
                  : '',
          },
          {
            title: 'Thao tác',
            key: 'open',
            render: (_v, r) =>
              r.status === 'discarded' || r.status === 'expired' ? null : (
                <Button type="link" size="small" onClick={() => props.onOpen(r.id)} aria-label={`Xem lần nhập ${r.fileName} lúc ${formatDateTime(r.createdAt)}`}>
                  Xem
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
