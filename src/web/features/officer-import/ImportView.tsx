// One import: the preview (each row's planned action and problems, until when it can be imported,
// "Hủy" or "Nhập … dòng hợp lệ"), or once imported exactly what was created, updated and skipped
// and who got an SMS; an expired preview says so and asks for the file again. "Chỉ hiện dòng có
// vấn đề" narrows the rows.
import { Alert, Button, Card, Checkbox, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { PREVIEW_TTL_MINUTES } from '../../../common/api/officer-import';
import { formatDateTime } from '../../format';
import { resultTitle, smsSentence, valid, type ImportDetail } from './counts';
import { SkippedRows } from './SkippedRows';

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
const TITLE: Record<ImportDetail['status'], (fileName: string) => string> = {
  preview: (f) => `Xem trước: ${f}`,
  imported: (f) => `Kết quả nhập: ${f}`,
  discarded: (f) => `Đã hủy: ${f}`,
  expired: (f) => `Đã hết hạn: ${f}`,
};

export function ImportView(props: {
  detail: ImportDetail;
  onConfirm: (d: ImportDetail) => void;
  onDiscard: (d: ImportDetail) => Promise<void>;
  onClose: () => void;
}) {
  const d = props.detail;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const imported = d.status === 'imported';
  const expired = d.status === 'expired';
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
      title={TITLE[d.status](d.fileName)}
      extra={
        d.status !== 'preview' ? (
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
        {imported && (
          <Alert
            type={c.create + c.update > 0 ? 'success' : 'warning'}
            showIcon
            role="status"
            title={resultTitle(c)}
            description={
              <Space orientation="vertical" size={4}>
                <span>{smsSentence(c, true)}</span>
                <SkippedRows rows={d.rows} done />
                {d.importedAt && <Typography.Text type="secondary">Nhập lúc {formatDateTime(d.importedAt)}.</Typography.Text>}
              </Space>
            }
          />
        )}
        {expired && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title="Bản xem trước đã hết hạn, vui lòng tải lại tệp."
            description={`Bản xem trước chỉ được giữ ${PREVIEW_TTL_MINUTES} phút kể từ khi tải lên (lúc ${formatDateTime(d.createdAt)}); chưa có tài khoản nào được tạo hay cập nhật từ bản này.`}
          />
        )}
        {d.status === 'preview' && (
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
            {d.expiresAt && (
              <Typography.Text type="secondary">
                Bản xem trước được giữ {PREVIEW_TTL_MINUTES} phút kể từ khi tải lên: hãy bấm nhập trước {formatDateTime(d.expiresAt)}, sau thời điểm đó cần tải lại tệp.
              </Typography.Text>
            )}
          </>
        )}
        {d.rows.length > 0 && (
          <Checkbox checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)}>
            Chỉ hiện dòng có vấn đề
          </Checkbox>
        )}
        {!expired && (
          <Table<ImportRow>
            rowKey="no"
            size="small"
            dataSource={rows}
            columns={columns}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `${t} dòng` }}
            onRow={(r) => (r.problems.length ? { style: { background: '#fff1f0' } } : {})}
            locale={{ emptyText: onlyProblems ? 'Không có dòng nào có vấn đề.' : 'Không có dòng nào.' }}
          />
        )}
      </Space>
    </Card>
  );
}
