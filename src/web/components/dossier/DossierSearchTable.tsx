// The search box, the count and the table shared by the desk's dossier lists (reception queue,
// work list): search by dossier code or CMND/CCCD, a row opens the dossier.
import { Empty, Input, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';

interface Props<T> {
  typed: string;
  onType: (v: string) => void;
  onSearch: (v: string) => void;
  data: { items: T[]; total: number } | null;
  loading: boolean;
  columns: TableColumnsType<T>;
  onOpen: (row: T) => void;
  emptyText: string;
  scrollX?: number;
  pagination: TableProps<T>['pagination'];
}

export function DossierSearchTable<T extends { id: string }>(p: Props<T>) {
  return (
    <>
      <Input.Search
        aria-label="Tìm theo mã hồ sơ hoặc CMND/CCCD"
        placeholder="Mã hồ sơ hoặc số CMND/CCCD của người nộp"
        allowClear
        enterButton="Tìm kiếm"
        value={p.typed}
        onChange={(e) => p.onType(e.target.value)}
        // Dossier codes are upper case ("…H48-…"); CMND/CCCD are digits.
        onSearch={(v) => p.onSearch(v.toUpperCase())}
        style={{ maxWidth: 520 }}
      />
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{p.data ? `Tìm thấy ${p.data.total.toLocaleString('vi-VN')} hồ sơ` : ' '}</Typography.Text>
      </div>
      <Table<T>
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        loading={p.loading}
        columns={p.columns}
        dataSource={p.data?.items ?? []}
        onRow={(r) => ({ onClick: () => p.onOpen(r), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty description={p.emptyText} /> }}
        scroll={p.scrollX ? { x: p.scrollX } : undefined}
        pagination={p.pagination}
      />
    </>
  );
}
