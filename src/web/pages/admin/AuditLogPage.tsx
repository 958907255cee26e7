// "Nhật ký hệ thống": who did what to whom and when, in the administrator's subtree, newest first.
// Each row opens to show "Trước" / "Sau" as readable lists.
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { listAuditLog } from '../../../common/api/audit-viewer';
import type { Reply } from '../../../common/api/contract';
import { AUDIT_ACTION_GROUPS, AUDIT_ENTITY_LABELS, AUDIT_FIELD_LABELS } from '../../../common/audit-actions';
import { permissionLabel } from '../../../common/grant-rules';
import { errorMessage } from '../../api';
import { useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { formatDateTime } from '../../format';
import { UnitPicker } from '../../components/UnitPicker';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

type AuditItem = Reply<typeof listAuditLog>['items'][number];

const FILTERS = ['from', 'to', 'action', 'actor', 'subject', 'unitId'] as const;

const STATUS_VALUES: Record<string, string> = {
  active: 'Kích hoạt',
  inactive: 'Không kích hoạt',
  draft: 'Chưa hoàn thành',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
  pending: 'Chờ xác thực',
  verified: 'Đã xác thực',
};
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One value of "Trước" / "Sau", in words: unit and user names, permission labels, dates. */
function readable(key: string, v: unknown, refs: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (Array.isArray(v)) return v.length ? v.map((x) => readable(key, x, refs)).join('; ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  if (refs[s]) return refs[s];
  if (key === 'permission' || key === 'permissions') return permissionLabel(s);
  if (key === 'status' && STATUS_VALUES[s]) return STATUS_VALUES[s];
  if (key === 'audience') return s === 'officer' ? 'Cán bộ' : s === 'citizen' ? 'Công dân' : s;
  if (ISO_TIME.test(s)) return formatDateTime(s);
  if (ISO_DATE.test(s)) return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
  return s;
}

function Changes(props: { label: string; value: unknown; refs: Record<string, string> }) {
  const { value } = props;
  if (value === null || value === undefined) {
    return (
      <Descriptions size="small" column={1} bordered title={props.label} items={[{ key: 'none', label: 'Nội dung', children: 'Không có' }]} />
    );
  }
  const entries = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [['value', value] as const];
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={props.label}
      items={entries.map(([k, v]) => ({ key: k, label: AUDIT_FIELD_LABELS[k] ?? k, children: readable(k, v, props.refs) }))}
    />
  );
}

function entityText(r: AuditItem): string {
  const kind = AUDIT_ENTITY_LABELS[r.entityType] ?? r.entityType;
  const what = r.entityLabel ?? r.entityId;
  return what ? `${kind}: ${what}` : kind;
}

export function AuditLogPage() {
  const { filters, page, pageSize, apply, reset, pagination } = useUrlList(FILTERS);
  const [form] = Form.useForm();
  const { data, error, isFetching } = useApiQuery(listAuditLog, { query: { ...filters, page, pageSize } }, { keepPrevious: true });

  // The form shows what the address says (a reload, the back button, a shared link).
  useEffect(() => {
    form.setFieldsValue({ ...filters, from: filters.from ? dayjs(filters.from) : undefined, to: filters.to ? dayjs(filters.to) : undefined });
  }, [filters, form]);

  const search = (v: Record<string, unknown>) =>
    apply(Object.fromEntries(FILTERS.map((k) => [k, dayjs.isDayjs(v[k]) ? (v[k] as Dayjs).format('YYYY-MM-DD') : typeof v[k] === 'string' ? v[k] : undefined])));

  const columns: TableColumnsType<AuditItem> = [
    { title: 'Thời gian', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
    { title: 'Người thực hiện', key: 'actor', width: 180, render: (_v, r) => r.actorLabel ?? <Typography.Text type="secondary">Hệ thống</Typography.Text> },
    {
      title: 'Thao tác',
      dataIndex: 'actionLabel',
      width: 170,
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <span>{v}</span>
          {v === r.action && <Tag>{r.action}</Tag>}
        </Space>
      ),
    },
    { title: 'Đối tượng', key: 'entity', render: (_v, r) => entityText(r) },
    { title: 'Đơn vị', key: 'unit', width: 200, render: (_v, r) => (r.unit ? `${r.unit.code} – ${r.unit.name}` : '') },
    { title: 'Địa chỉ IP', dataIndex: 'ip', width: 110 },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Nhật ký hệ thống
      </PageHeading>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      <Card title="Thông tin tìm kiếm" size="small">
        <Form form={form} name="auditSearch" layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Form.Item label="Từ ngày" name="from">
                <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="Đến ngày" name="to">
                <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Thao tác" name="action">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  virtual={false}
                  placeholder="Tất cả thao tác"
                  options={AUDIT_ACTION_GROUPS.map((g) => ({ label: g.label, options: g.actions.map((a) => ({ value: a.code, label: a.label })) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Đơn vị" name="unitId">
                <UnitPicker source="scope" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Người thực hiện" name="actor">
                <Input allowClear placeholder="Họ tên hoặc tên đăng nhập" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Người dùng liên quan" name="subject">
                <Input allowClear placeholder="Họ tên, tên đăng nhập hoặc CMND/CCCD" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              Tìm kiếm
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                reset();
              }}
            >
              Xóa bộ lọc
            </Button>
          </Space>
        </Form>
      </Card>
      <Card size="small">
        <Typography.Text strong>
          {data ? (data.totalCapped ? `Tìm thấy hơn ${data.total.toLocaleString('vi-VN')} dòng nhật ký` : `Tìm thấy ${data.total.toLocaleString('vi-VN')} dòng nhật ký`) : ' '}
        </Typography.Text>
        <Table<AuditItem>
          rowKey="id"
          size="middle"
          style={{ marginTop: 12 }}
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description="Không có dòng nhật ký nào thỏa mãn các tiêu chí trên" /> }}
          expandable={{
            expandedRowRender: (r) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Changes label="Trước" value={r.before} refs={r.refs} />
                </Col>
                <Col xs={24} md={12}>
                  <Changes label="Sau" value={r.after} refs={r.refs} />
                </Col>
              </Row>
            ),
          }}
          pagination={pagination(data?.total ?? 0)}
        />
      </Card>
    </Space>
  );
}
