// One import: the preview (each row's planned action and problems, "Hủy" or "Nhập … dòng hợp
// lệ"), or once imported what each row became; "Chỉ hiện dòng có vấn đề" narrows the rows.
import { Alert, Button, Card, Checkbox, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../format';
import { valid, type ImportDetail } from './counts';

type ImportRow = ImportDetail['rows'][number];
type Action = ImportRow['action'];
type Change = ImportRow['changes'][number];

const PLANNED: Record<Action, { text: string; color: string }> = {
  create: { text: 'Tạo mới', color: 'green' },
  update: { text: 'Cập nhật', color: 'blue' },
  unchanged: { text: 'Không thay đổi', color: 'default' },
  skip: { text: 'Bỏ qua', color: 'red' },
};
const DONE: Record<Action, string> = { create: 'Đã tạo mới', update: 'Đã cập nhật', unchanged: 'Không thay đổi', skip: 'Bỏ qua' };
const CHANGE: Record<Change, string> = { assign_unit: 'gán vào đơn vị', grant_permission: 'cấp "Quyền tạo tài khoản công dân"' };

export function ImportView(props: {
  detail: ImportDetail;
  onConfirm: (d: ImportDetail) => void;
  onDiscard: (d: ImportDetail) => Promise<void>;
  onClose: () => void;
}) {
  const d = props.detail;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const imported = d.status === 'imported';
  const c = d.result ?? d.counts;
  const rows = onlyProblems ? d.rows.filter((r) => r.problems.length > 0) : d.rows;
  const columns: TableColumnsType<ImportRow> = [
    { title: 'STT', dataIndex: 'stt', width: 64, render: (v: string, r) => v || r.no },
    { title: 'Họ và tên', dataIndex: 'fullName' },
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_v, r) => (
        <>
          <div>{r.unit}</div>
          {r.unitCode && r.unitName !== r.unit && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.unit === r.unitCode ? r.unitName : `${r.unitCode} – ${r.unitName}`}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'CMND/CCCD', dataIndex: 'idNumber' },
    { title: 'Số điện thoại', dataIndex: 'phone' },
    {
      title: imported ? 'Kết quả' : 'Thao tác dự kiến',
      key: 'action',
      render: (_v, r) => (
        <>
          <Tag color={PLANNED[r.action].color}>{imported ? DONE[r.action] : PLANNED[r.action].text}</Tag>
          {r.action === 'update' && <div style={{ fontSize: 12 }}>{r.changes.map((x) => CHANGE[x]).join(', ')}</div>}
        </>
      ),
    },
    {
      title: 'Vấn đề',
      key: 'problems',
      render: (_v, r) =>
        r.problems.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 16, color: '#cf1322' }}>
            {r.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <Card
      size="small"
      title={imported ? `Kết quả nhập: ${d.fileName}` : d.status === 'discarded' ? `Đã hủy: ${d.fileName}` : `Xem trước: ${d.fileName}`}
      extra={
        imported || d.status === 'discarded' ? (
          <Button onClick={props.onClose}>Đóng</Button>
        ) : (
          <Space>
            <Popconfirm title="Hủy bản xem trước này?" description="Không có gì được ghi." okText="Hủy bản xem trước" cancelText="Không" onConfirm={() => props.onDiscard(d)}>
              <Button>Hủy</Button>
            </Popconfirm>
            <Button type="primary" disabled={valid(c) === 0} onClick={() => props.onConfirm(d)}>
              Nhập {valid(c)} dòng hợp lệ
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {imported ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={`Đã nhập ${valid(c)} dòng: ${c.create} tạo mới, ${c.update} cập nhật, ${c.unchanged} không thay đổi; ${c.skip} dòng bị bỏ qua.`}
            description={
              d.importedAt
                ? `Lúc ${formatDateTime(d.importedAt)}. Cán bộ mới nhận tên đăng nhập và mật khẩu tạm thời qua SMS và phải đổi mật khẩu khi đăng nhập lần đầu.`
                : undefined
            }
          />
        ) : (
          d.status === 'preview' && (
            <>
              {d.sameFileImportedAt && (
                <Alert
                  type="info"
                  showIcon
                  title={`File này đã được nhập lúc ${formatDateTime(d.sameFileImportedAt)}. Nhập lại không thay đổi các cán bộ đã nhập.`}
                />
              )}
              <Typography.Text strong>
                {d.rowCount} dòng: {c.create} tạo mới, {c.update} cập nhật, {c.unchanged} không thay đổi,{' '}
                <Typography.Text type={c.skip ? 'danger' : undefined} strong>
                  {c.skip} dòng có vấn đề
                </Typography.Text>
                .
              </Typography.Text>
            </>
          )
        )}
        {d.rows.length > 0 && (
          <Checkbox checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)}>
            Chỉ hiện dòng có vấn đề
          </Checkbox>
        )}
        <Table<ImportRow>
          rowKey="no"
          size="small"
          dataSource={rows}
          columns={columns}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `${t} dòng` }}
          onRow={(r) => (r.problems.length ? { style: { background: '#fff1f0' } } : {})}
          locale={{ emptyText: onlyProblems ? 'Không có dòng nào có vấn đề.' : 'Không có dòng nào.' }}
        />
      </Space>
    </Card>
  );
}
