// "Quản trị hệ thống >> Quản lý người dùng" (SPEC §3.1–3.3): search, XUẤT EXCEL, +THÊM MỚI,
// Kích hoạt / Không kích hoạt, "Gán người dùng vào đơn vị", "Gán quyền người dùng".
import { ApartmentOutlined, KeyOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PERMISSION_GROUPS } from '../../../common/permissions';
import { ADMIN_LEVELS } from '../../../common/grant-rules';
import { api, errorMessage, query } from '../../api';
import { useUrlPagination } from '../../components/url-pagination';
import { useSession } from '../../session';

interface UnitRef {
  id: string;
  code: string;
  name: string;
  status: string;
}

export interface AdminUser {
  id: string;
  fullName: string;
  username: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'inactive';
  issuer: string;
  units: UnitRef[];
  permissions: string[];
  createdAt: string;
}

interface AdminUserDetail extends Omit<AdminUser, 'units'> {
  units: (UnitRef & { inScope: boolean })[];
  mustChangePassword: boolean;
  grants: { code: string; label: string; granted: boolean; problem: string | null }[];
}

interface UserList {
  items: AdminUser[];
  total: number;
  totalCapped: boolean;
}

type Option = { id: string; code: string; name: string };

const FILTERS = ['name', 'phone', 'idNumber', 'status', 'agencyId', 'otherAgencyId', 'unassigned'] as const;

const STATUS = {
  active: { text: 'Kích hoạt', color: 'green' },
  inactive: { text: 'Không kích hoạt', color: 'default' },
} as const;

/** A searchable select of units in the administrator's scope. */
function AgencySelect(props: {
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  group: 'state' | 'other';
  mode?: 'multiple';
  placeholder?: string;
  initial?: Option[];
}) {
  const [options, setOptions] = useState<Option[]>(props.initial ?? []);
  const [known, setKnown] = useState<Map<string, Option>>(new Map((props.initial ?? []).map((o) => [o.id, o])));
  const load = useCallback(
    (q: string) => {
      api
        .get<Option[]>('/api/admin/agency-options', { q, group: props.group })
        .then((rows) => {
          setOptions(rows);
          setKnown((prev) => new Map([...prev, ...rows.map((r) => [r.id, r] as const)]));
        })
        .catch(() => setOptions([]));
    },
    [props.group],
  );
  useEffect(() => load(''), [load]);
  const shown = useMemo(() => {
    const selected = ([] as string[]).concat(props.value ?? []).map((id) => known.get(id)).filter((o): o is Option => !!o);
    const all = new Map([...selected, ...options].map((o) => [o.id, o]));
    return [...all.values()].map((o) => ({ value: o.id, label: `${o.code} – ${o.name}` }));
  }, [options, known, props.value]);
  return (
    <Select
      id={props.id}
      mode={props.mode}
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: load }}
      allowClear
      virtual={false}
      placeholder={props.placeholder ?? 'Nhập mã định danh hoặc tên đơn vị'}
      options={shown}
      notFoundContent="Không có đơn vị phù hợp"
    />
  );
}

export function UserManagementPage() {
  const { message } = App.useApp();
  const { me } = useSession();
  const { params, setParams, page, pageSize, pagination } = useUrlPagination();
  const [form] = Form.useForm();
  const [data, setData] = useState<UserList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [unitsFor, setUnitsFor] = useState<AdminUser | null>(null);
  const [grantsFor, setGrantsFor] = useState<AdminUser | null>(null);
  const filters = useMemo(() => Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])), [params]);

  const reload = useCallback(() => {
    setLoading(true);
    api
      .get<UserList>(`/api/admin/users${query({ ...filters, page, pageSize })}`)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [filters, page, pageSize]);

  useEffect(() => {
    form.setFieldsValue({ ...filters, unassigned: filters.unassigned === 'true' });
    reload();
  }, [filters, form, reload]);

  const search = (v: Record<string, unknown>) => {
    const next: Record<string, string> = {};
    for (const k of FILTERS) {
      const val = v[k];
      if (k === 'unassigned') {
        if (val) next[k] = 'true';
      } else if (typeof val === 'string' && val.trim()) next[k] = val.trim();
    }
    setParams({ ...next, page: '1', pageSize: String(pageSize) });
  };

  const setStatus = async (u: AdminUser, status: 'active' | 'inactive') => {
    try {
      await api.put(`/api/admin/users/${u.id}/status`, { status });
      message.success(status === 'active' ? `Đã kích hoạt tài khoản ${u.fullName}.` : `Đã ngừng kích hoạt tài khoản ${u.fullName}.`);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const exportHref = `/api/admin/users/export.xlsx${query(filters)}`;

  const columns: TableColumnsType<AdminUser> = [
    { title: 'STT', key: 'stt', width: 64, render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    {
      title: 'Tên',
      dataIndex: 'fullName',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <span>{v}</span>
          {r.username && <Typography.Text type="secondary">{r.username}</Typography.Text>}
          {r.issuer === 'VNPOST' && <Tag>Bưu điện Việt Nam</Tag>}
        </Space>
      ),
    },
    { title: 'CMND/CCCD/MST/MCQ', dataIndex: 'idNumber' },
    { title: 'Số điện thoại', dataIndex: 'phone' },
    {
      title: 'Đơn vị',
      key: 'units',
      render: (_v, r) =>
        r.units.length ? (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {r.units.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">Chưa được gán cơ quan</Typography.Text>
        ),
    },
    { title: 'Trạng thái', dataIndex: 'status', render: (s: AdminUser['status']) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 230,
      render: (_v, r) => (
        <Space wrap size={4}>
          <Tooltip title="Gán người dùng vào đơn vị">
            <Button size="small" icon={<ApartmentOutlined />} aria-label={`Gán người dùng vào đơn vị: ${r.fullName}`} onClick={() => setUnitsFor(r)} />
          </Tooltip>
          <Tooltip title="Gán quyền người dùng">
            <Button size="small" icon={<KeyOutlined />} aria-label={`Gán quyền người dùng: ${r.fullName}`} onClick={() => setGrantsFor(r)} />
          </Tooltip>
          {r.id !== me?.id &&
            (r.status === 'active' ? (
              <Popconfirm
                title="Ngừng kích hoạt tài khoản?"
                description={`${r.fullName} sẽ bị đăng xuất khỏi mọi thiết bị và không đăng nhập được nữa.`}
                okText="Ngừng kích hoạt"
                cancelText="Hủy"
                onConfirm={() => setStatus(r, 'inactive')}
              >
                <Button size="small" danger>
                  Ngừng kích hoạt
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm title="Kích hoạt lại tài khoản?" okText="Kích hoạt" cancelText="Hủy" onConfirm={() => setStatus(r, 'active')}>
                <Button size="small">Kích hoạt</Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Quản lý người dùng
      </Typography.Title>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Card title="Thông tin tìm kiếm" size="small">
        <Form form={form} name="userSearch" layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Tên:" name="name">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Số điện thoại:" name="phone">
                <Input allowClear inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="CMND/CCCD/MST:" name="idNumber">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Trạng thái:" name="status">
                <Select
                  virtual={false}
                  allowClear
                  placeholder="Tất cả"
                  options={[
                    { value: 'active', label: 'Kích hoạt' },
                    { value: 'inactive', label: 'Không kích hoạt' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Cơ quan:" name="agencyId">
                <AgencySelect group="state" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="NH/TGTT/Cơ quan khác:" name="otherAgencyId">
                <AgencySelect group="other" placeholder="Ngân hàng, trung gian thanh toán, cơ quan khác" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="unassigned" valuePropName="checked">
                <Checkbox>Không được gán cơ quan</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            <Button href={exportHref} download>
              XUẤT EXCEL
            </Button>
            <Button type="primary" htmlType="submit">
              TÌM KIẾM
            </Button>
            <Button onClick={() => setCreating(true)}>+THÊM MỚI</Button>
          </Space>
        </Form>
      </Card>
      <Card size="small">
        <Typography.Text strong>
          {data
            ? data.totalCapped
              ? `Tìm thấy hơn ${data.total.toLocaleString('vi-VN')} kết quả`
              : `Tìm thấy ${data.total.toLocaleString('vi-VN')} kết quả`
            : ' '}
        </Typography.Text>
        {data?.totalCapped && (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            showIcon
            title='Có quá nhiều kết quả để xem hết trên màn hình: hãy thu hẹp điều kiện tìm kiếm, hoặc dùng "XUẤT EXCEL" để lấy toàn bộ danh sách.'
          />
        )}
        {data && data.total === 0 && !filters.status && (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            showIcon
            title='Không thấy cán bộ? Hãy tìm lại với Trạng thái "Không kích hoạt", hoặc đánh dấu "Không được gán cơ quan" (cán bộ chưa được gán vào đơn vị nào); nếu vẫn không có, dùng "+THÊM MỚI" để thêm tài khoản.'
          />
        )}
        <Table<AdminUser>
          rowKey="id"
          size="middle"
          style={{ marginTop: 12 }}
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description="Không tìm thấy người dùng thỏa mãn các tiêu chí trên" /> }}
          scroll={{ x: 1000 }}
          pagination={pagination(data?.total ?? 0)}
        />
      </Card>
      <CreateUserModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) {
            message.success(`Đã thêm tài khoản ${created.fullName}; mật khẩu tạm đã gửi qua SMS tới ${created.phone}.`);
            reload();
          }
        }}
      />
      {unitsFor && (
        <AssignUnitsModal
          user={unitsFor}
          onClose={(changed) => {
            setUnitsFor(null);
            if (changed) reload();
          }}
        />
      )}
      {grantsFor && (
        <GrantsModal
          user={grantsFor}
          onClose={(changed) => {
            setGrantsFor(null);
            if (changed) reload();
          }}
        />
      )}
    </Space>
  );
}

function CreateUserModal(props: { open: boolean; onClose: (created?: AdminUserDetail) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: { fullName: string; username: string; idNumber?: string; phone: string; email?: string; unitIds?: string[] }) => {
    setSaving(true);
    try {
      const created = await api.post<AdminUserDetail>('/api/admin/users', { ...v, unitIds: v.unitIds ?? [] });
      form.resetFields();
      setError(null);
      props.onClose(created);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="Thêm mới tài khoản"
      open={props.open}
      onCancel={() => props.onClose()}
      okText="LƯU LẠI"
      cancelText="HỦY BỎ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name="newUser" layout="vertical" onFinish={submit}>
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, message: 'Nhập họ và tên.' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          rules={[
            { required: true, message: 'Nhập tên đăng nhập.' },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/, message: 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="CMND/CCCD" name="idNumber">
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item label="Số điện thoại" name="phone" rules={[{ required: true, message: 'Nhập số điện thoại di động để nhận mật khẩu tạm.' }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item label="Email" name="email">
          <Input type="email" />
        </Form.Item>
        <Form.Item label="Đơn vị công tác" name="unitIds">
          <AgencySelect group="state" mode="multiple" />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          Mật khẩu tạm được gửi qua SMS; người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

function AssignUnitsModal(props: { user: AdminUser; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AdminUserDetail | null>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [candidates, setCandidates] = useState<{ items: Option[]; total: number } | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const [saving, setSaving] = useState(false);
  const id = props.user.id;

  const loadDetail = useCallback(() => {
    api
      .get<AdminUserDetail>(`/api/admin/users/${id}`)
      .then(setDetail)
      .catch((err) => setError(errorMessage(err)));
  }, [id]);
  useEffect(loadDetail, [loadDetail]);
  useEffect(() => {
    api
      .get<{ items: Option[]; total: number }>(`/api/admin/users/${id}/assignable-units`, { q: search, page, pageSize })
      .then(setCandidates)
      .catch((err) => setError(errorMessage(err)));
  }, [id, search, page, pageSize, detail]);

  const remove = async (unit: UnitRef) => {
    try {
      setDetail(await api.del<AdminUserDetail>(`/api/admin/users/${id}/units/${unit.id}`));
      setChanged(true);
      message.success(`Đã bỏ gán đơn vị ${unit.name}.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const save = async () => {
    if (picked.length === 0) {
      props.onClose(changed);
      return;
    }
    setSaving(true);
    try {
      await api.post<AdminUserDetail>(`/api/admin/users/${id}/units`, { unitIds: picked });
      message.success(`Đã gán ${props.user.fullName} vào ${picked.length} đơn vị.`);
      props.onClose(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`Gán người dùng vào đơn vị — ${props.user.fullName}`}
      open
      width={860}
      onCancel={() => props.onClose(changed)}
      footer={[
        <Button key="cancel" onClick={() => props.onClose(changed)}>
          HỦY BỎ
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={save}>
          LƯU LẠI
        </Button>,
      ]}
    >
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} closable={{ onClose: () => setError(null) }} />}
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          aria-label="Mã định danh hoặc Tên đơn vị"
          placeholder="Mã định danh (vd. 000.00.43.H35) hoặc Tên đơn vị"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => {
            setPage(1);
            setSearch(q);
          }}
        />
        <Button
          type="primary"
          onClick={() => {
            setPage(1);
            setSearch(q);
          }}
        >
          TÌM KIẾM
        </Button>
      </Space.Compact>
      <Typography.Title level={5}>DANH SÁCH ĐƠN VỊ ĐÃ ĐƯỢC GÁN CHO NGƯỜI DÙNG</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail?.units ?? []}
        loading={!detail}
        locale={{ emptyText: 'Người dùng chưa được gán đơn vị nào' }}
        columns={[
          { title: 'Mã định danh', dataIndex: 'code', width: 150 },
          { title: 'Tên đơn vị', dataIndex: 'name' },
          {
            title: 'Xóa',
            key: 'remove',
            width: 80,
            render: (_v, u: UnitRef & { inScope: boolean }) =>
              u.inScope ? (
                <Popconfirm title={`Bỏ gán đơn vị "${u.name}"?`} okText="Xóa" cancelText="Hủy" onConfirm={() => remove(u)}>
                  <Button size="small" danger aria-label={`Xóa ${u.name}`}>
                    Xóa
                  </Button>
                </Popconfirm>
              ) : (
                <Tooltip title="Ngoài phạm vi quản lý">
                  <span>—</span>
                </Tooltip>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        DANH SÁCH ĐƠN VỊ CHƯA ĐƯỢC GÁN CHO NGƯỜI DÙNG
      </Typography.Title>
      <Table<Option>
        rowKey="id"
        size="small"
        dataSource={candidates?.items ?? []}
        loading={!candidates}
        locale={{ emptyText: 'Không có đơn vị phù hợp' }}
        columns={[
          { title: 'Mã định danh', dataIndex: 'code', width: 150 },
          { title: 'Tên đơn vị', dataIndex: 'name' },
          {
            title: 'Chọn',
            key: 'pick',
            width: 80,
            render: (_v, u) => (
              <Checkbox
                aria-label={`Chọn ${u.name}`}
                checked={picked.includes(u.id)}
                onChange={(e) => setPicked((prev) => (e.target.checked ? [...prev, u.id] : prev.filter((x) => x !== u.id)))}
              />
            ),
          },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: candidates?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          locale: { items_per_page: '/ trang' },
          showTotal: () => 'Số hàng mỗi trang',
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </Modal>
  );
}

const GROUPS = [
  ...PERMISSION_GROUPS.map((g) => ({ label: g.label, codes: g.permissions.map((p) => p.code as string) })),
  { label: 'Cấp quản trị', codes: ADMIN_LEVELS.map((l) => l.code as string) },
];

function GrantsModal(props: { user: AdminUser; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AdminUserDetail | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api
      .get<AdminUserDetail>(`/api/admin/users/${props.user.id}`)
      .then((d) => {
        setDetail(d);
        setChecked(new Set(d.permissions));
      })
      .catch((err) => setError(errorMessage(err)));
  }, [props.user.id]);
  const byCode = new Map((detail?.grants ?? []).map((g) => [g.code, g]));
  const save = async () => {
    setSaving(true);
    try {
      await api.put(`/api/admin/users/${props.user.id}/permissions`, { permissions: [...checked] });
      message.success(`Đã lưu quyền của ${props.user.fullName}.`);
      props.onClose(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={`Gán quyền người dùng — ${props.user.fullName}`}
      open
      width={720}
      onCancel={() => props.onClose(false)}
      footer={[
        <Button key="exit" onClick={() => props.onClose(false)}>
          THOÁT
        </Button>,
        <Button key="save" type="primary" loading={saving} disabled={!detail} onClick={save}>
          LƯU LẠI
        </Button>,
      ]}
    >
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <table className="grant-table" style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left', padding: 8, borderBottom: '1px solid #e5e5e5' }}>Quyền người dùng</th>
            <th style={{ width: 90, padding: 8, borderBottom: '1px solid #e5e5e5' }}>Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {GROUPS.map((g) => {
            const rows = g.codes.map((c) => byCode.get(c)).filter((x): x is NonNullable<typeof x> => !!x);
            if (rows.length === 0) return null;
            return [
              <tr key={g.label}>
                <td colSpan={2} style={{ padding: '10px 8px 4px', fontWeight: 600, background: '#f5f8fc' }}>
                  {g.label}
                </td>
              </tr>,
              ...rows.map((p) => {
                // A box can change only when the rule allows the change it would make.
                const changing = checked.has(p.code) !== p.granted;
                const locked = !!p.problem && !changing;
                return (
                  <tr key={p.code}>
                    <td style={{ padding: '6px 8px 6px 24px', borderBottom: '1px solid #f0f0f0' }}>
                      <div>{p.label}</div>
                      {p.problem && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.problem}
                        </Typography.Text>
                      )}
                    </td>
                    <td style={{ textAlign: 'center', borderBottom: '1px solid #f0f0f0' }}>
                      <Checkbox
                        aria-label={p.label}
                        checked={checked.has(p.code)}
                        disabled={locked}
                        onChange={(e) =>
                          setChecked((prev) => {
                            const next = new Set(prev);
                            if (e.target.checked) next.add(p.code);
                            else next.delete(p.code);
                            return next;
                          })
                        }
                      />
                    </td>
                  </tr>
                );
              }),
            ];
          })}
        </tbody>
      </table>
    </Modal>
  );
}
