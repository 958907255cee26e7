// "Danh mục thủ tục": the catalogue of administrative procedures, managed by high-level
// administrators and ADMIN CỤC KSTTHC (issue 6). Drafts, publication and withdrawal, the
// 10-working-day publication rule ("Chậm"), the e-form JSON and the templates of each document.
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  EFFECTIVE_STATE_LABELS,
  PROCEDURE_LEVEL_LABELS,
  PROCEDURE_STATUS_LABELS,
  type EffectiveState,
  type ProcedureLevel,
  type ProcedureStatus,
} from '../../../common/procedure-catalogue';
import { api, ApiError, errorMessage, query } from '../../api';
import { useUrlPagination } from '../../components/url-pagination';
import { formatBytes, formatDate, formatDateTime } from '../../format';

const BASE = '/api/admin/procedures';

// Payloads of /api/admin/procedures (src/server/modules/procedures/admin-routes.ts).
interface Item {
  id: string;
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  status: ProcedureStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  effective: EffectiveState;
  inForce: boolean;
  decisionRef: string | null;
  decisionDate: string | null;
  publishedAt: string | null;
  publication: { workingDays: number; late: boolean } | null;
  hasForm: boolean;
  updatedAt: string;
}

interface Fee {
  label: string;
  amountVnd: number;
  unit?: string;
}

interface DocumentRow {
  id: string;
  position: number;
  name: string;
  quantity: string;
  required: boolean;
  templateName: string | null;
  note: string | null;
  template: { fileName: string; size: number; type: string } | null;
}

interface Detail extends Item {
  implementingAgency: string;
  processingDays: number;
  processingNote: string | null;
  fees: Fee[];
  fullyOnline: boolean;
  legalBasis: string | null;
  form: unknown;
  formFieldCount: number;
  documents: DocumentRow[];
}

interface ListPage {
  items: Item[];
  total: number;
}

const STATUS_COLORS: Record<ProcedureStatus, string> = { draft: 'gold', published: 'green', unpublished: 'default' };
const EFFECTIVE_COLORS: Record<EffectiveState, string> = { upcoming: 'blue', current: 'green', expired: 'red' };
const NO_FORM_WARNING = 'Thủ tục chưa có biểu mẫu điện tử: công dân xem được thủ tục nhưng chưa nộp hồ sơ trực tuyến được.';

const statusOptions = (Object.keys(PROCEDURE_STATUS_LABELS) as ProcedureStatus[]).map((s) => ({ value: s, label: PROCEDURE_STATUS_LABELS[s] }));
const levelOptions = (Object.keys(PROCEDURE_LEVEL_LABELS) as ProcedureLevel[]).map((l) => ({ value: l, label: PROCEDURE_LEVEL_LABELS[l] }));

function PublicationCell({ r }: { r: Item }) {
  if (!r.publication) return <Typography.Text type="secondary">—</Typography.Text>;
  const pending = r.publishedAt === null;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {r.publication.workingDays} ngày làm việc {r.publication.late && <Tag color="red">Chậm</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pending ? 'Chưa công bố, tính đến hôm nay' : `Công bố ${formatDateTime(r.publishedAt).slice(0, 10)}`}
        {r.decisionDate ? ` · QĐ ngày ${formatDate(r.decisionDate)}` : ''}
      </Typography.Text>
    </Space>
  );
}

export function ProcedureCataloguePage() {
  const { message } = App.useApp();
  const { params, setParams, page, pageSize, pagination } = useUrlPagination();
  const [form] = Form.useForm();
  const [data, setData] = useState<ListPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Detail | 'new' | null>(null);
  const [formOf, setFormOf] = useState<Item | null>(null);
  const filters = useMemo(() => ({ q: params.get('q') ?? undefined, status: params.get('status') ?? undefined, late: params.get('late') ?? undefined }), [params]);

  const load = useCallback(() => {
    setLoading(true);
    return api
      .get<ListPage>(`${BASE}${query({ ...filters, page, pageSize })}`)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [filters, page, pageSize]);

  useEffect(() => {
    form.setFieldsValue({ q: filters.q, status: filters.status, late: filters.late === 'true' });
    void load();
  }, [filters, form, load]);

  const search = (v: { q?: string; status?: string; late?: boolean }) => {
    const next: Record<string, string> = { page: '1', pageSize: String(pageSize) };
    if (v.q?.trim()) next.q = v.q.trim();
    if (v.status) next.status = v.status;
    if (v.late) next.late = 'true';
    setParams(next);
  };

  const openEditor = async (r: Item) => {
    try {
      setEditing(await api.get<Detail>(`${BASE}/${r.id}`));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const setPublished = async (r: Item, publish: boolean) => {
    try {
      await api.post(`${BASE}/${r.id}/${publish ? 'publish' : 'unpublish'}`);
      message.success(publish ? `Đã công bố thủ tục "${r.name}".` : `Đã ngừng công bố thủ tục "${r.name}".`);
      if (publish && !r.hasForm) message.warning(NO_FORM_WARNING);
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<Item> = [
    { title: 'Mã thủ tục', dataIndex: 'code', width: 90 },
    {
      title: 'Tên thủ tục',
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space orientation="vertical" size={2}>
          <span>{v}</span>
          {!r.hasForm && <Tag color="orange">Chưa có biểu mẫu điện tử</Tag>}
        </Space>
      ),
    },
    { title: 'Lĩnh vực', dataIndex: 'field', width: 95 },
    { title: 'Trạng thái', dataIndex: 'status', width: 110, render: (s: ProcedureStatus) => <Tag color={STATUS_COLORS[s]}>{PROCEDURE_STATUS_LABELS[s]}</Tag> },
    {
      title: 'Hiệu lực',
      key: 'effective',
      width: 135,
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.effectiveTo ? `${formatDate(r.effectiveFrom)} – ${formatDate(r.effectiveTo)}` : `Từ ${formatDate(r.effectiveFrom)}`}</span>
          <Tag color={EFFECTIVE_COLORS[r.effective]}>{EFFECTIVE_STATE_LABELS[r.effective]}</Tag>
        </Space>
      ),
    },
    { title: 'Công bố', key: 'publication', width: 150, render: (_v, r) => <PublicationCell r={r} /> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 170,
      render: (_v, r) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => void openEditor(r)}>
            Sửa
          </Button>
          {r.status === 'published' ? (
            <Popconfirm
              placement="topRight"
              title={`Ngừng công bố thủ tục "${r.name}"?`}
              description="Thủ tục sẽ không còn hiển thị trên Cổng Dịch vụ công; hồ sơ đã nộp không bị ảnh hưởng."
              okText="Xác nhận"
              cancelText="Hủy bỏ"
              okButtonProps={{ danger: true }}
              onConfirm={() => setPublished(r, false)}
            >
              <Button size="small" danger>
                Ngừng công bố
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              placement="topRight"
              title={`Công bố thủ tục "${r.name}"?`}
              description={
                <div style={{ maxWidth: 340 }}>
                  Thủ tục sẽ hiển thị trên Cổng Dịch vụ công trong thời gian có hiệu lực.
                  {!r.hasForm && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={NO_FORM_WARNING} />}
                </div>
              }
              okText="Xác nhận"
              cancelText="Hủy bỏ"
              onConfirm={() => setPublished(r, true)}
            >
              <Button size="small" type="primary">
                Công bố
              </Button>
            </Popconfirm>
          )}
          <Button size="small" onClick={() => setFormOf(r)}>
            Biểu mẫu điện tử
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Danh mục thủ tục hành chính
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          Thêm thủ tục
        </Button>
      </Space>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Card title="Thông tin tìm kiếm" size="small">
        <Form form={form} name="procedureSearch" layout="vertical" onFinish={search}>
          <Row gutter={16} align="bottom">
            <Col xs={24} md={10}>
              <Form.Item label="Mã hoặc tên thủ tục" name="q">
                <Input allowClear placeholder="Ví dụ: 1.001193 hoặc dang ky khai sinh (không cần dấu)" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label="Trạng thái" name="status">
                <Select allowClear virtual={false} placeholder="Tất cả trạng thái" options={statusOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="late" valuePropName="checked">
                <Checkbox>Chỉ hiện thủ tục công bố chậm</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit">
            Tìm kiếm
          </Button>
        </Form>
      </Card>
      <Card size="small" title={data ? `Tìm thấy ${data.total.toLocaleString('vi-VN')} thủ tục` : 'Danh sách thủ tục'}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          Thủ tục phải được công bố trong 10 ngày làm việc kể từ ngày quyết định công bố; thủ tục quá hạn được đánh dấu "Chậm". Thủ tục hết hiệu lực tự động không còn hiển thị
          trên Cổng.
        </Typography.Paragraph>
        <Table<Item> rowKey="id" size="small" loading={loading} columns={columns} scroll={{ x: 960 }} dataSource={data?.items ?? []} pagination={pagination(data?.total ?? 0)} />
      </Card>
      {editing !== null && (
        <ProcedureEditor
          detail={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(d) => {
            setEditing(d);
            void load();
          }}
        />
      )}
      {formOf && (
        <EFormEditor
          item={formOf}
          onClose={() => setFormOf(null)}
          onSaved={() => {
            void load();
          }}
        />
      )}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------
// Editing a procedure: metadata, fees, thành phần hồ sơ and their templates.

interface EditorValues {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  implementingAgency: string;
  processingDays: number;
  processingNote?: string;
  fees: Fee[];
  fullyOnline: boolean;
  legalBasis?: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  decisionRef?: string;
  decisionDate?: Dayjs | null;
  documents: { id?: string; name: string; quantity: string; required: boolean; templateName?: string; note?: string }[];
}

function toValues(d: Detail | null): Partial<EditorValues> {
  if (!d) {
    return { level: 'commune', processingDays: 0, fullyOnline: false, fees: [], documents: [{ name: '', quantity: '01 bản chính', required: true }] };
  }
  return {
    code: d.code,
    name: d.name,
    field: d.field,
    level: d.level,
    implementingAgency: d.implementingAgency,
    processingDays: d.processingDays,
    processingNote: d.processingNote ?? undefined,
    fees: d.fees,
    fullyOnline: d.fullyOnline,
    legalBasis: d.legalBasis ?? undefined,
    effectiveFrom: dayjs(d.effectiveFrom),
    effectiveTo: d.effectiveTo ? dayjs(d.effectiveTo) : null,
    decisionRef: d.decisionRef ?? undefined,
    decisionDate: d.decisionDate ? dayjs(d.decisionDate) : null,
    documents: d.documents.map((x) => ({
      id: x.id,
      name: x.name,
      quantity: x.quantity,
      required: x.required,
      templateName: x.templateName ?? undefined,
      note: x.note ?? undefined,
    })),
  };
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY'];
const required = (label: string) => [{ required: true, whitespace: true, message: `Hãy nhập ${label}.` }];

function ProcedureEditor(props: { detail: Detail | null; onClose: () => void; onSaved: (d: Detail) => void }) {
  const { message } = App.useApp();
  const { detail } = props;
  const [form] = Form.useForm<EditorValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [templates, setTemplates] = useState<Record<string, DocumentRow['template']>>({});
  const codeLocked = !!detail && (detail.status !== 'draft' || detail.publishedAt !== null);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(detail) as EditorValues);
    setTemplates(Object.fromEntries((detail?.documents ?? []).map((d) => [d.id, d.template])));
    setError(null);
  }, [detail, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      code: v.code.trim(),
      fees: v.fees ?? [],
      effectiveFrom: day(v.effectiveFrom),
      effectiveTo: day(v.effectiveTo),
      decisionDate: day(v.decisionDate),
      documents: (v.documents ?? []).map((d) => ({ ...d, id: d.id || undefined })),
    };
    setSaving(true);
    try {
      const saved = detail ? await api.put<Detail>(`${BASE}/${detail.id}`, body) : await api.post<Detail>(BASE, body);
      message.success(detail ? 'Đã lưu thủ tục.' : 'Đã thêm thủ tục (bản nháp). Có thể tải lên mẫu đơn, tờ khai cho từng thành phần hồ sơ.');
      setError(null);
      props.onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const uploadTemplate = async (documentId: string, file: File) => {
    if (!detail) return;
    try {
      const t = await api.upload<{ fileName: string; size: number; type: string }>(`${BASE}/${detail.id}/documents/${documentId}/template`, file);
      setTemplates((prev) => ({ ...prev, [documentId]: t }));
      message.success(`Đã tải lên mẫu "${t.fileName}".`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const removeTemplate = async (documentId: string) => {
    if (!detail) return;
    try {
      await api.del(`${BASE}/${detail.id}/documents/${documentId}/template`);
      setTemplates((prev) => ({ ...prev, [documentId]: null }));
      message.success('Đã gỡ mẫu.');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Drawer
      open
      size={820}
      title={detail ? `Sửa thủ tục ${detail.code}` : 'Thêm thủ tục'}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>Đóng</Button>
          <Button type="primary" loading={saving} onClick={() => void save().catch(() => undefined)}>
            Lưu
          </Button>
        </Space>
      }
    >
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {detail && !detail.hasForm && <Alert type="warning" showIcon title={NO_FORM_WARNING} style={{ marginBottom: 16 }} />}
      <Form form={form} name="procedureEdit" layout="vertical">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              label="Mã thủ tục"
              name="code"
              rules={required('Mã thủ tục')}
              extra={codeLocked ? 'Thủ tục đã công bố: không đổi được mã.' : 'Ví dụ 1.001193'}
            >
              <Input disabled={codeLocked} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="Tên thủ tục" name="name" rules={required('Tên thủ tục')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Lĩnh vực" name="field" rules={required('Lĩnh vực')}>
              <Input maxLength={200} placeholder="Ví dụ: Hộ tịch" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Cấp thực hiện" name="level" rules={[{ required: true, message: 'Hãy chọn Cấp thực hiện.' }]}>
              <Select virtual={false} options={levelOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Thời hạn giải quyết (ngày làm việc)" name="processingDays" rules={[{ required: true, message: 'Hãy nhập Thời hạn giải quyết.' }]} extra="0 = trong ngày làm việc">
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="Cơ quan thực hiện" name="implementingAgency" rules={required('Cơ quan thực hiện')}>
              <Input maxLength={300} placeholder="Ví dụ: Ủy ban nhân dân cấp xã" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Dịch vụ công trực tuyến toàn trình" name="fullyOnline" valuePropName="checked">
              <Switch checkedChildren="Toàn trình" unCheckedChildren="Một phần" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Ghi chú thời hạn" name="processingNote">
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Hiệu lực từ ngày" name="effectiveFrom" rules={[{ required: true, message: 'Hãy chọn ngày bắt đầu hiệu lực.' }]}>
              <DatePicker format={DATE_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="Hiệu lực đến ngày"
              name="effectiveTo"
              dependencies={['effectiveFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, v: Dayjs | null) => {
                    const from = getFieldValue('effectiveFrom') as Dayjs | undefined;
                    return !v || !from || !v.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error('Ngày hết hiệu lực phải cùng ngày hoặc sau ngày bắt đầu hiệu lực.'));
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMATS} placeholder="Không thời hạn" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8} />
          <Col span={8}>
            <Form.Item label="Quyết định công bố" name="decisionRef">
              <Input maxLength={200} placeholder="Ví dụ: 1234/QĐ-BTP" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Ngày quyết định" name="decisionDate">
              <DatePicker format={DATE_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Căn cứ pháp lý" name="legalBasis">
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>Phí, lệ phí</Typography.Title>
        <Form.List name="fees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col span={12}>
                    <Form.Item name={[f.name, 'label']} rules={required('tên khoản phí, lệ phí')}>
                      <Input placeholder="Tên khoản, ví dụ: Lệ phí đăng ký kết hôn" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'amountVnd']} rules={[{ required: true, message: 'Hãy nhập số tiền.' }]}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder="Số tiền (đồng)" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'unit']}>
                      <Input placeholder="Đơn vị, ví dụ: bản" />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button onClick={() => remove(f.name)} aria-label="Xóa khoản phí">
                      Xóa
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ label: '', amountVnd: 0 })} style={{ marginBottom: 16 }}>
                Thêm khoản phí, lệ phí
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>Thành phần hồ sơ</Typography.Title>
        <Form.List name="documents">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => {
                const docId = form.getFieldValue(['documents', f.name, 'id']) as string | undefined;
                const template = docId ? templates[docId] : null;
                return (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`Thành phần ${i + 1}`} extra={
                    <Space size={4}>
                      <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Chuyển thành phần ${i + 1} lên`}>
                        ↑
                      </Button>
                      <Button size="small" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={`Chuyển thành phần ${i + 1} xuống`}>
                        ↓
                      </Button>
                      <Button size="small" danger onClick={() => remove(f.name)}>
                        Xóa
                      </Button>
                    </Space>
                  }>
                    <Form.Item name={[f.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Row gutter={8}>
                      <Col span={16}>
                        <Form.Item label="Tên giấy tờ" name={[f.name, 'name']} rules={required('tên giấy tờ')}>
                          <Input maxLength={500} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item label="Số lượng" name={[f.name, 'quantity']} rules={required('số lượng')}>
                          <Input maxLength={100} placeholder="01 bản chính" />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item label="Tên mẫu đơn, tờ khai" name={[f.name, 'templateName']}>
                          <Input maxLength={300} placeholder="Nếu giấy tờ có mẫu" />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item label=" " name={[f.name, 'required']} valuePropName="checked">
                          <Checkbox>Bắt buộc</Checkbox>
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <Form.Item label="Ghi chú" name={[f.name, 'note']}>
                          <Input maxLength={1000} />
                        </Form.Item>
                      </Col>
                    </Row>
                    {docId && detail ? (
                      <Space wrap>
                        {template ? (
                          <>
                            <span>
                              Mẫu:{' '}
                              <a href={`${BASE}/${detail.id}/documents/${docId}/template`}>{template.fileName}</a> ({formatBytes(template.size)})
                            </span>
                            <Popconfirm title="Gỡ mẫu này?" okText="Gỡ mẫu" cancelText="Hủy bỏ" onConfirm={() => removeTemplate(docId)}>
                              <Button size="small">Gỡ mẫu</Button>
                            </Popconfirm>
                          </>
                        ) : (
                          <Typography.Text type="secondary">Chưa có file mẫu.</Typography.Text>
                        )}
                        <Upload
                          accept=".pdf,.doc,.docx"
                          maxCount={1}
                          showUploadList={false}
                          beforeUpload={(file) => {
                            void uploadTemplate(docId, file);
                            return false;
                          }}
                        >
                          <Button size="small" aria-label={`Tải lên mẫu cho thành phần ${i + 1}`}>
                            {template ? 'Thay mẫu' : 'Tải lên mẫu'}
                          </Button>
                        </Upload>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          pdf, doc hoặc docx, tối đa 5 MB
                        </Typography.Text>
                      </Space>
                    ) : (
                      <Typography.Text type="secondary">Lưu thủ tục để tải lên file mẫu cho giấy tờ này.</Typography.Text>
                    )}
                  </Card>
                );
              })}
              <Button onClick={() => add({ name: '', quantity: '01 bản chính', required: true })}>Thêm thành phần hồ sơ</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

// ---------------------------------------------------------------------------------------------
// The e-form: JSON in a text area, checked by the server.

interface FormSaved {
  title: string;
  fieldCount: number;
  sectionCount: number;
}

const SKELETON = {
  title: 'Tờ khai …',
  schema: { type: 'object', additionalProperties: false, properties: { hoTen: { type: 'string', maxLength: 100 } }, required: ['hoTen'] },
  layout: [{ title: 'Thông tin người yêu cầu', fields: [{ name: 'hoTen', label: 'Họ, chữ đệm, tên', widget: 'text', prefill: 'applicant.fullName' }] }],
};

function EFormEditor(props: { item: Item; onClose: () => void; onSaved: () => void }) {
  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState<{ title: string; fieldCount: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<FormSaved | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .get<Detail>(`${BASE}/${props.item.id}`)
      .then((d) => {
        const current = d.form as { title?: string } | null;
        setText(JSON.stringify(current ?? SKELETON, null, 2));
        setLoaded(current ? { title: current.title ?? '', fieldCount: d.formFieldCount } : null);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [props.item.id]);

  const save = async () => {
    setProblems([]);
    setError(null);
    setSaved(null);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      setError(`Nội dung không phải JSON hợp lệ: ${(err as Error).message}`);
      return;
    }
    setSaving(true);
    try {
      const r = await api.put<FormSaved>(`${BASE}/${props.item.id}/form`, body);
      setSaved(r);
      setLoaded({ title: r.title, fieldCount: r.fieldCount });
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'FORM_DEFINITION_INVALID' && Array.isArray(err.details?.problems)) {
        setProblems(err.details.problems as string[]);
      } else setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={860}
      title={`Biểu mẫu điện tử: ${props.item.name}`}
      okText="Kiểm tra và lưu"
      cancelText="Đóng"
      okButtonProps={{ loading: saving }}
      onOk={() => void save()}
      onCancel={props.onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Dán biểu mẫu dạng JSON gồm <code>title</code>, <code>schema</code> (JSON Schema 2020-12) và <code>layout</code> (các phần và trường hiển thị).
        </Typography.Paragraph>
        {loaded ? (
          <Typography.Text>
            Biểu mẫu hiện tại: <b>{loaded.title}</b> — {loaded.fieldCount} trường.
          </Typography.Text>
        ) : (
          <Alert type="warning" showIcon title="Thủ tục chưa có biểu mẫu điện tử; công dân chưa nộp hồ sơ trực tuyến được." />
        )}
        {saved && <Alert role="status" type="success" showIcon title={`Biểu mẫu hợp lệ: "${saved.title}" gồm ${saved.fieldCount} trường trong ${saved.sectionCount} phần. Đã lưu.`} />}
        {error && <Alert role="alert" type="error" showIcon title={error} />}
        {problems.length > 0 && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title="Biểu mẫu chưa hợp lệ, chưa được lưu:"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Input.TextArea
          aria-label="Biểu mẫu điện tử (JSON)"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 16, maxRows: 28 }}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
        />
      </Space>
    </Modal>
  );
}
