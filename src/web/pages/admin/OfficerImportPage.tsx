// "Nhập danh sách cán bộ" (SPEC §1.7): the district lists of one-stop officers, uploaded as .xlsx,
// checked row by row before anything is written, then imported in one go.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Popconfirm, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { formatDateTime } from '../../format';

// Payloads of /api/admin/officer-imports (src/server/modules/officer-import/routes.ts).
type Action = 'create' | 'update' | 'unchanged' | 'skip';
type Change = 'assign_unit' | 'grant_permission';
interface Counts {
  create: number;
  update: number;
  unchanged: number;
  skip: number;
}
interface ImportRow {
  no: number;
  stt: string;
  fullName: string;
  unit: string;
  idNumber: string;
  phone: string;
  unitCode: string | null;
  unitName: string | null;
  action: Action;
  changes: Change[];
  problems: string[];
}
interface ImportSummary {
  id: string;
  fileName: string;
  status: 'preview' | 'imported' | 'discarded';
  rowCount: number;
  createdAt: string;
  importedAt: string | null;
  result: Counts | null;
}
interface ImportDetail extends ImportSummary {
  counts: Counts;
  sameFileImportedAt: string | null;
  rows: ImportRow[];
}

const BASE = '/api/admin/officer-imports';
const MAX_BYTES = 5 * 1024 * 1024;

const PLANNED: Record<Action, { text: string; color: string }> = {
  create: { text: 'Tạo mới', color: 'green' },
  update: { text: 'Cập nhật', color: 'blue' },
  unchanged: { text: 'Không thay đổi', color: 'default' },
  skip: { text: 'Bỏ qua', color: 'red' },
};
const DONE: Record<Action, string> = { create: 'Đã tạo mới', update: 'Đã cập nhật', unchanged: 'Không thay đổi', skip: 'Bỏ qua' };
const CHANGE: Record<Change, string> = { assign_unit: 'gán vào đơn vị', grant_permission: 'cấp "Quyền tạo tài khoản công dân"' };
const STATUS: Record<ImportSummary['status'], string> = { preview: 'Chờ xác nhận', imported: 'Đã nhập', discarded: 'Đã hủy' };

const valid = (c: Counts) => c.create + c.update + c.unchanged;

export function OfficerImportPage() {
  const { modal, message } = App.useApp();
  const [detail, setDetail] = useState<ImportDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [history, setHistory] = useState<{ items: ImportSummary[]; total: number; page: number } | null>(null);

  const loadHistory = useCallback((page = 1) => {
    api
      .get<{ items: ImportSummary[]; total: number; page: number }>(BASE, { page, pageSize: 5 })
      .then(setHistory)
      .catch(() => setHistory(null));
  }, []);
  useEffect(() => loadHistory(), [loadHistory]);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(`File "${file.name}" vượt quá dung lượng cho phép 5 MB.`);
      return;
    }
    setBusy(true);
    try {
      setDetail(await api.upload<ImportDetail>(BASE, file, file.name));
      setOnlyProblems(false);
      loadHistory();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const open = async (id: string) => {
    setError(null);
    try {
      setDetail(await api.get<ImportDetail>(`${BASE}/${id}`));
      setOnlyProblems(false);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const confirm = (d: ImportDetail) => {
    const c = d.counts;
    modal.confirm({
      title: `Nhập ${valid(c)} dòng hợp lệ?`,
      content: (
        <Space orientation="vertical">
          <span>
            Sẽ tạo mới {c.create} tài khoản cán bộ (mật khẩu tạm thời gửi qua SMS), cập nhật {c.update} cán bộ đã có tài khoản; {c.unchanged} dòng không
            thay đổi.
          </span>
          {c.skip > 0 && <Typography.Text type="danger">{c.skip} dòng có vấn đề sẽ bị bỏ qua, không được nhập.</Typography.Text>}
          <span>Mọi dòng được kiểm tra lại khi nhập.</span>
          {c.create >= 500 && (
            <Typography.Text type="secondary">Tạo nhiều tài khoản cần thời gian (khoảng 1 phút cho 5.000 tài khoản); vui lòng không đóng trang.</Typography.Text>
          )}
        </Space>
      ),
      okText: 'Nhập',
      cancelText: 'Quay lại',
      onOk: async () => {
        try {
          const done = await api.post<ImportDetail>(`${BASE}/${d.id}/confirm`);
          setDetail(done);
          loadHistory();
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  };

  const discard = async (d: ImportDetail) => {
    try {
      await api.del(`${BASE}/${d.id}`);
      setDetail(null);
      message.info('Đã hủy bản xem trước; không có gì được ghi.');
      loadHistory();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Nhập danh sách cán bộ
      </Typography.Title>
      <Card size="small">
        <Typography.Paragraph>
          Tải lên danh sách công chức, viên chức bộ phận một cửa theo biểu mẫu (các cột STT, Họ và tên, Đơn vị, CMND/CCCD, Số điện thoại). Hệ thống kiểm tra
          từng dòng và cho xem trước; chưa có gì được ghi cho tới khi bạn bấm nhập. Cán bộ chưa có tài khoản được tạo tài khoản (tên đăng nhập là số
          CMND/CCCD, mật khẩu tạm thời gửi qua SMS); mọi cán bộ hợp lệ được gán vào đơn vị và cấp "Quyền tạo tài khoản công dân".
        </Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <a href={`${BASE}/template.xlsx`} download>
            <DownloadOutlined /> Tải biểu mẫu
          </a>
          <label htmlFor="officer-import-file" style={{ fontWeight: 600 }}>
            Chọn file danh sách (.xlsx)
          </label>
          <Upload.Dragger
            id="officer-import-file"
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">Kéo thả file vào đây hoặc bấm để chọn file</p>
            <p className="ant-upload-hint">Một file .xlsx, tối đa 5 MB và 5.000 dòng.</p>
          </Upload.Dragger>
        </Space>
      </Card>
      {busy && <Spin description="Đang kiểm tra danh sách…" />}
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      {detail && <ImportView detail={detail} onlyProblems={onlyProblems} setOnlyProblems={setOnlyProblems} onConfirm={confirm} onDiscard={discard} onClose={() => setDetail(null)} />}
      {history && history.total > 0 && (
        <Card size="small" title="Các lần nhập gần đây">
          <Table<ImportSummary>
            rowKey="id"
            size="small"
            dataSource={history.items}
            pagination={{ current: history.page, pageSize: 5, total: history.total, onChange: loadHistory, showSizeChanger: false }}
            columns={[
              { title: 'Thời gian tải lên', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: 'File', dataIndex: 'fileName' },
              { title: 'Số dòng', dataIndex: 'rowCount' },
              { title: 'Trạng thái', dataIndex: 'status', render: (s: ImportSummary['status']) => STATUS[s] },
              {
                title: 'Kết quả',
                key: 'result',
                render: (_v, r) => (r.result ? `${r.result.create} tạo mới, ${r.result.update} cập nhật, ${r.result.unchanged} không thay đổi, ${r.result.skip} bỏ qua` : ''),
              },
              {
                title: 'Thao tác',
                key: 'open',
                render: (_v, r) =>
                  r.status === 'discarded' ? null : (
                    <Button type="link" size="small" onClick={() => open(r.id)} aria-label={`Xem lần nhập ${r.fileName} lúc ${formatDateTime(r.createdAt)}`}>
                      Xem
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function ImportView(props: {
  detail: ImportDetail;
  onlyProblems: boolean;
  setOnlyProblems: (v: boolean) => void;
  onConfirm: (d: ImportDetail) => void;
  onDiscard: (d: ImportDetail) => void;
  onClose: () => void;
}) {
  const d = props.detail;
  const imported = d.status === 'imported';
  const c = d.result ?? d.counts;
  const rows = props.onlyProblems ? d.rows.filter((r) => r.problems.length > 0) : d.rows;
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
          <Checkbox checked={props.onlyProblems} onChange={(e) => props.setOnlyProblems(e.target.checked)}>
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
          locale={{ emptyText: props.onlyProblems ? 'Không có dòng nào có vấn đề.' : 'Không có dòng nào.' }}
        />
      </Space>
    </Card>
  );
}
