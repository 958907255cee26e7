// "Lịch sử thay đổi" of a unit: each change with its effective date, before and after in words.
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { getAgency } from '../../../common/api/agencies';
import type { Reply } from '../../../common/api/contract';
import { formatDate, formatDateTime } from '../../format';
import { CHANGE_LABEL, KIND_LABEL } from './labels';

type HistoryRow = Reply<typeof getAgency>['history'][number];

/** "Trước" / "Sau" of a history row, in words. */
function describe(v: HistoryRow['before']): ReactNode {
  if (!v) return '';
  const lines: string[] = [];
  const s = (x: unknown) => (x === null || x === undefined || x === '' ? '(không có)' : String(x));
  if ('code' in v) lines.push(`Mã định danh: ${s(v.code)}`);
  if ('name' in v) lines.push(`Tên đơn vị: ${s(v.name)}`);
  if ('kind' in v) lines.push(`Loại: ${KIND_LABEL[v.kind as keyof typeof KIND_LABEL] ?? s(v.kind)}`);
  if ('parentName' in v) lines.push(`Đơn vị cấp trên: ${v.parentName ? `${s(v.parentCode)} ${s(v.parentName)}` : '(không có)'}`);
  if ('status' in v) lines.push(`Trạng thái: ${v.status === 'active' ? 'Đang hoạt động' : 'Ngừng hoạt động'}`);
  if ('validTo' in v && v.validTo) lines.push(`Hiệu lực đến: ${formatDate(String(v.validTo))}`);
  if ('successorName' in v) lines.push(`Sáp nhập vào: ${s(v.successorCode)} ${s(v.successorName)}`);
  if (Array.isArray(v.mergedFrom)) lines.push(`Nhận sáp nhập: ${v.mergedFrom.map((r) => r.name).join('; ')}`);
  if (typeof v.officersMoved === 'number' && v.officersMoved > 0) lines.push(`Số cán bộ chuyển sang: ${v.officersMoved}`);
  if (v.source === 'admin-units-2025') lines.push('Nguồn: danh mục đơn vị hành chính 2025');
  return (
    <>
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </>
  );
}

const columns: TableColumnsType<HistoryRow> = [
  { title: 'Ngày hiệu lực', dataIndex: 'effectiveDate', width: 100, render: (v: string) => formatDate(v) },
  { title: 'Thay đổi', dataIndex: 'change', width: 105, render: (v: string) => CHANGE_LABEL[v] ?? v },
  { title: 'Trước', dataIndex: 'before', render: (v: HistoryRow['before']) => describe(v) },
  { title: 'Sau', dataIndex: 'after', render: (v: HistoryRow['after']) => describe(v) },
  {
    title: 'Người thực hiện',
    key: 'actor',
    width: 130,
    render: (_v, r) => (
      <>
        <div>{r.actorName ?? 'Hệ thống'}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(r.at)}
        </Typography.Text>
      </>
    ),
  },
];

export function AgencyHistory({ history }: { history: HistoryRow[] }) {
  return (
    <section aria-label="Lịch sử thay đổi">
      <Typography.Title level={5}>Lịch sử thay đổi</Typography.Title>
      <Table<HistoryRow>
        size="small"
        rowKey="id"
        tableLayout="fixed"
        columns={columns}
        dataSource={history}
        pagination={history.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: 'Chưa có thay đổi nào được ghi nhận.' }}
      />
    </section>
  );
}
