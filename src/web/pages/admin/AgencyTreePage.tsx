// "Quản lý cơ quan/đơn vị" (issue 5): the agency tree, loaded level by level; search by Mã định
// danh or name; details and "Lịch sử thay đổi" of the selected unit; add, edit, move, merge,
// deactivate and reactivate, each from an effective date. The server checks every rule again.
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Pagination, Row, Select, Space, Spin, Table, Tag, Tree, Typography } from 'antd';
import type { TableColumnsType, TreeDataNode } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAgencyCode } from '../../../common/vn-ids';
import { api, errorMessage, query } from '../../api';
import { formatDate, formatDateTime } from '../../format';

const BASE = '/api/admin/agencies';
const ROOT = '__root__';

type Kind = 'ministry' | 'province' | 'commune' | 'service_centre' | 'one_stop_desk' | 'department' | 'bank' | 'payment_intermediary' | 'other';

export const KIND_LABEL: Record<Kind, string> = {
  ministry: 'Bộ, ngành',
  province: 'UBND tỉnh/thành phố',
  commune: 'UBND xã/phường/đặc khu',
  service_centre: 'Trung tâm Phục vụ hành chính công',
  one_stop_desk: 'Bộ phận Một cửa',
  department: 'Phòng, ban chuyên môn',
  bank: 'Ngân hàng',
  payment_intermediary: 'Trung gian thanh toán',
  other: 'Cơ quan khác',
};

const CHANGE_LABEL: Record<string, string> = {
  created: 'Thành lập',
  renamed: 'Đổi tên',
  recoded: 'Đổi Mã định danh',
  moved: 'Chuyển đơn vị cấp trên',
  kind_changed: 'Đổi loại đơn vị',
  deactivated: 'Ngừng hoạt động',
  reactivated: 'Kích hoạt lại',
  merged: 'Sáp nhập',
};

interface Ref {
  id: string;
  code: string;
  name: string;
}

interface AgencyNode extends Ref {
  kind: Kind;
  status: 'active' | 'inactive';
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  successor: Ref | null;
  childCount: number;
  activeChildCount: number;
}

interface HistoryRow {
  id: string;
  change: string;
  effectiveDate: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actorName: string | null;
  at: string;
}

interface AgencyDetail extends AgencyNode {
  parent: Ref | null;
  path: Ref[];
  mergedFrom: Ref[];
  officerCount: number;
  canRestructure: boolean;
  history: HistoryRow[];
}

interface SearchHit extends AgencyNode {
  path: Ref[];
}

interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const kindOptions = Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }));
const codeRules = [
  { required: true, whitespace: true, message: 'Hãy nhập Mã định danh.' },
  {
    validator: (_: unknown, v: string | undefined) =>
      !v?.trim() || isAgencyCode(v.trim().toUpperCase())
        ? Promise.resolve()
        : Promise.reject(new Error('Mã định danh phải có dạng NNN.NN.NN.XNN, ví dụ 000.00.43.H35.')),
  },
];
const nameRules = [{ required: true, whitespace: true, message: 'Hãy nhập Tên đơn vị.' }];
const dateRules = [{ required: true, message: 'Hãy chọn Ngày hiệu lực.' }];

function StatusTag({ a }: { a: Pick<AgencyNode, 'status' | 'successor'> }) {
  if (a.status === 'active') return <Tag color="green">Đang hoạt động</Tag>;
  if (a.successor)
    return (
      <Tag color="orange" style={{ whiteSpace: 'normal' }}>
        Đã sáp nhập vào {a.successor.name}
      </Tag>
    );
  return <Tag>Ngừng hoạt động</Tag>;
}

/** "Trước" / "Sau" of a history row, in words. */
function describe(v: Record<string, unknown> | null): ReactNode {
  if (!v) return '';
  const lines: string[] = [];
  const s = (x: unknown) => (x === null || x === undefined || x === '' ? '(không có)' : String(x));
  if ('code' in v) lines.push(`Mã định danh: ${s(v.code)}`);
  if ('name' in v) lines.push(`Tên đơn vị: ${s(v.name)}`);
  if ('kind' in v) lines.push(`Loại: ${KIND_LABEL[v.kind as Kind] ?? s(v.kind)}`);
  if ('parentName' in v) lines.push(`Đơn vị cấp trên: ${v.parentName ? `${s(v.parentCode)} ${s(v.parentName)}` : '(không có)'}`);
  if ('status' in v) lines.push(`Trạng thái: ${v.status === 'active' ? 'Đang hoạt động' : 'Ngừng hoạt động'}`);
  if ('validTo' in v && v.validTo) lines.push(`Hiệu lực đến: ${formatDate(String(v.validTo))}`);
  if ('successorName' in v) lines.push(`Sáp nhập vào: ${s(v.successorCode)} ${s(v.successorName)}`);
  if (Array.isArray(v.mergedFrom)) lines.push(`Nhận sáp nhập: ${(v.mergedFrom as Ref[]).map((r) => r.name).join('; ')}`);
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

/** A searchable select of active units in the administrator's scope (by Mã định danh or name). */
function UnitSelect(props: {
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  mode?: 'multiple';
  exclude?: string[];
  placeholder?: string;
}) {
  const [options, setOptions] = useState<Ref[]>([]);
  const [known, setKnown] = useState<Map<string, Ref>>(new Map());
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!q.trim()) return;
      setLoading(true);
      api
        .get<SearchResult>(`${BASE}/search${query({ q, pageSize: 20 })}`)
        .then((r) => {
          setOptions(r.items);
          setKnown((prev) => new Map([...prev, ...r.items.map((o) => [o.id, o] as const)]));
        })
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
  };
  // The chosen units keep their label while the list shows another search.
  const shown = useMemo(() => {
    const chosen = ([] as string[]).concat(props.value ?? []).map((id) => known.get(id)).filter((o): o is Ref => !!o);
    const all = new Map([...chosen, ...options.filter((o) => !props.exclude?.includes(o.id))].map((o) => [o.id, o]));
    return [...all.values()].map((o) => ({ value: o.id, label: `${o.code} — ${o.name}` }));
  }, [options, known, props.value, props.exclude]);
  return (
    <Select
      id={props.id}
      mode={props.mode}
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      virtual={false}
      placeholder={props.placeholder ?? 'Nhập Mã định danh hoặc tên đơn vị để tìm'}
      notFoundContent={loading ? <Spin size="small" /> : 'Không tìm thấy đơn vị'}
      options={shown}
      style={{ width: '100%' }}
    />
  );
}

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'deactivate' | 'reactivate' | null;

export function AgencyTreePage() {
  const { message, modal } = App.useApp();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [nodes, setNodes] = useState<Record<string, AgencyNode>>({});
  const [children, setChildren] = useState<Record<string, string[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<AgencyDetail | null>(null);
  const [detailLoading, setDetailLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [searchForm] = Form.useForm<{ q: string }>();
  const [searchQ, setSearchQ] = useState('');
  const [searchPage, setSearchPage] = useState(1);
  const [results, setResults] = useState<SearchResult | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const treeRef = useRef<{ scrollTo: (o: { key: string; align?: 'top' | 'bottom' | 'auto'; offset?: number }) => void } | null>(null);

  const fetchChildren = useCallback(
    async (parent: string) => {
      const r = await api.get<{ items: AgencyNode[] }>(`${BASE}/children${query({ parentId: parent === ROOT ? undefined : parent, includeInactive: includeInactive ? 'true' : undefined })}`);
      setNodes((prev) => ({ ...prev, ...Object.fromEntries(r.items.map((n) => [n.id, n])) }));
      setChildren((prev) => ({ ...prev, [parent]: r.items.map((n) => n.id) }));
      return r.items;
    },
    [includeInactive],
  );

  // The tops of the tree (again when "include inactive" changes).
  useEffect(() => {
    setChildren({});
    setExpanded([]);
    fetchChildren(ROOT).catch((e) => setError(errorMessage(e)));
  }, [fetchChildren]);

  const loadDetail = useCallback(async (id: string) => {
    setDetailLoading(true);
    try {
      setDetail(await api.get<AgencyDetail>(`${BASE}/${id}`));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDetailLoading(false);
    }
  }, []);

  useEffect(() => {
    if (selected) void loadDetail(selected);
    else setDetail(null);
  }, [selected, loadDetail]);

  // Scrolls the tree to a revealed unit once it is rendered.
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  useEffect(() => {
    if (!scrollTo || !nodes[scrollTo]) return;
    const frame = requestAnimationFrame(() => {
      treeRef.current?.scrollTo({ key: scrollTo, align: 'top' });
      setScrollTo(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [scrollTo, nodes, expanded]);

  const treeData = useMemo(() => {
    const build = (parent: string): TreeDataNode[] =>
      (children[parent] ?? []).map((id) => {
        const n = nodes[id]!;
        const inactive = n.status !== 'active';
        return {
          key: id,
          isLeaf: n.childCount === 0,
          title: (
            <span style={inactive ? { color: '#8c8c8c' } : undefined}>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace', marginRight: 6 }}>
                {n.code}
              </Typography.Text>
              {n.name}
              {inactive && (
                <Tag style={{ marginLeft: 6, whiteSpace: 'normal' }} color={n.successor ? 'orange' : undefined}>
                  {n.successor ? `Đã sáp nhập vào ${n.successor.name}` : 'Ngừng hoạt động'}
                </Tag>
              )}
            </span>
          ),
          children: children[id] ? build(id) : undefined,
        };
      });
    return build(ROOT);
  }, [children, nodes]);

  /** Reloads every level already open, after a change. */
  const refreshTree = useCallback(async () => {
    await Promise.all(Object.keys(children).map((k) => fetchChildren(k).catch(() => undefined)));
  }, [children, fetchChildren]);

  /** Opens the tree down to a unit and selects it (a search hit, or a unit just created). */
  const reveal = useCallback(
    async (id: string, path: Ref[]) => {
      try {
        for (const p of path) if (!children[p.id]) await fetchChildren(p.id);
      } catch (e) {
        setError(errorMessage(e));
      }
      setExpanded((prev) => [...new Set([...prev, ...path.map((p) => p.id)])]);
      setSelected(id);
      setScrollTo(id);
    },
    [children, fetchChildren],
  );

  const runSearch = useCallback(
    async (q: string, page: number) => {
      setSearchQ(q);
      setSearchPage(page);
      if (!q.trim()) {
        setResults(null);
        return;
      }
      try {
        setResults(await api.get<SearchResult>(`${BASE}/search${query({ q, page, pageSize: 10, includeInactive: includeInactive ? 'true' : undefined })}`));
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [includeInactive],
  );

  const open = (d: Dialog) => setDialog(d);
  // Each dialog starts from today's date and, for "Sửa", the unit as it is.
  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    const today = dayjs();
    if (dialog === 'edit' && detail) form.setFieldsValue({ code: detail.code, name: detail.name, kind: detail.kind, effectiveDate: today });
    else if (dialog === 'merge') form.setFieldsValue({ effectiveDate: today, moveOfficers: true, others: [] });
    else form.setFieldsValue({ effectiveDate: today });
    // Only when a dialog opens: later changes of the detail must not wipe what was typed.
  }, [dialog, form]);

  /** Runs a change, then shows its result in the tree and the panel. */
  const apply = async (fn: () => Promise<AgencyDetail>, done: string) => {
    setSaving(true);
    try {
      const d = await fn();
      setDialog(null);
      message.success(done);
      await refreshTree();
      if (d.parentId && !children[d.parentId]) await fetchChildren(d.parentId).catch(() => undefined);
      await reveal(d.id, d.path);
      setDetail(d);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    if (!detail) return;
    const v = await form.validateFields();
    const effectiveDate = iso(v.effectiveDate as Dayjs);
    if (dialog === 'create') {
      await apply(
        () =>
          api.post<AgencyDetail>(BASE, {
            code: String(v.code).trim().toUpperCase(),
            name: v.name,
            kind: v.kind,
            parentId: detail.id,
            validFrom: effectiveDate,
          }),
        'Đã thêm đơn vị trực thuộc.',
      );
    } else if (dialog === 'edit') {
      const body: Record<string, string> = { effectiveDate };
      const code = String(v.code).trim().toUpperCase();
      if (code !== detail.code) body.code = code;
      if (String(v.name).trim() !== detail.name) body.name = v.name;
      if (v.kind !== detail.kind) body.kind = v.kind;
      if (Object.keys(body).length === 1) {
        setDialog(null);
        return;
      }
      await apply(() => api.patch<AgencyDetail>(`${BASE}/${detail.id}`, body), 'Đã lưu thay đổi.');
    } else if (dialog === 'move') {
      await apply(() => api.patch<AgencyDetail>(`${BASE}/${detail.id}`, { parentId: v.parentId, effectiveDate }), 'Đã chuyển đơn vị cấp trên.');
    } else if (dialog === 'deactivate') {
      await apply(() => api.post<AgencyDetail>(`${BASE}/${detail.id}/deactivate`, { effectiveDate }), 'Đơn vị đã ngừng hoạt động.');
    } else if (dialog === 'reactivate') {
      await apply(() => api.post<AgencyDetail>(`${BASE}/${detail.id}/reactivate`, { effectiveDate }), 'Đơn vị đã được kích hoạt lại.');
    } else if (dialog === 'merge') {
      const sourceIds = [detail.id, ...((v.others as string[] | undefined) ?? [])];
      modal.confirm({
        title: 'Xác nhận sáp nhập',
        content: `${sourceIds.length > 1 ? `${sourceIds.length} đơn vị` : `Đơn vị "${detail.name}"`} sẽ ngừng hoạt động từ ngày ${(v.effectiveDate as Dayjs).format('DD/MM/YYYY')} và được ghi là đã sáp nhập vào đơn vị đã chọn. Lịch sử và số liệu của đơn vị cũ vẫn được giữ lại.${v.moveOfficers ? ' Cán bộ của đơn vị cũ được chuyển sang đơn vị nhận sáp nhập.' : ''}`,
        okText: 'Sáp nhập',
        okButtonProps: { danger: true },
        cancelText: 'Hủy bỏ',
        onOk: () =>
          apply(
            () => api.post<AgencyDetail>(`${BASE}/merge`, { sourceIds, targetId: v.targetId, effectiveDate, moveOfficers: !!v.moveOfficers }),
            'Đã sáp nhập đơn vị.',
          ),
      });
    }
  };

  const historyColumns: TableColumnsType<HistoryRow> = [
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

  const dialogTitle: Record<Exclude<Dialog, null>, string> = {
    create: 'Thêm đơn vị trực thuộc',
    edit: 'Sửa thông tin đơn vị',
    move: 'Chuyển đơn vị cấp trên',
    merge: 'Sáp nhập đơn vị',
    deactivate: 'Xác nhận ngừng hoạt động',
    reactivate: 'Kích hoạt lại đơn vị',
  };
  const okText: Record<Exclude<Dialog, null>, string> = {
    create: 'Thêm mới',
    edit: 'Lưu lại',
    move: 'Chuyển',
    merge: 'Tiếp tục',
    deactivate: 'Ngừng hoạt động',
    reactivate: 'Kích hoạt lại',
  };

  const active = detail?.status === 'active';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Quản lý cơ quan/đơn vị
      </Typography.Title>
      {error && <Alert role="alert" type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
      <Row gutter={16} align="top">
        <Col xs={24} lg={9}>
          <Card size="small" title="Cây đơn vị">
            <Form form={searchForm} layout="vertical" onFinish={(v) => runSearch(v.q ?? '', 1)}>
              <Form.Item label="Mã định danh hoặc tên đơn vị" name="q" style={{ marginBottom: 8 }}>
                <Input allowClear placeholder="Ví dụ: 000.00.43.H35 hoặc mot cua cam thanh" />
              </Form.Item>
              <Space wrap style={{ marginBottom: 8 }}>
                <Button type="primary" htmlType="submit">
                  TÌM KIẾM
                </Button>
                <Checkbox
                  checked={includeInactive}
                  onChange={(e) => {
                    setIncludeInactive(e.target.checked);
                    setResults(null);
                  }}
                >
                  Hiện cả đơn vị ngừng hoạt động
                </Checkbox>
              </Space>
            </Form>
            {results && (
              <section aria-label="Kết quả tìm kiếm">
                <Card
                  size="small"
                  type="inner"
                  title={`Tìm thấy ${results.total.toLocaleString('vi-VN')} kết quả`}
                  extra={
                    <Button size="small" type="link" onClick={() => setResults(null)}>
                      Đóng
                    </Button>
                  }
                  style={{ marginBottom: 12 }}
                >
                  {results.items.length === 0 ? (
                    <Typography.Text type="secondary">Không tìm thấy đơn vị phù hợp.</Typography.Text>
                  ) : (
                    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                      {results.items.map((hit) => (
                        <li key={hit.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                          <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => reveal(hit.id, hit.path)}>
                            {hit.name}
                          </Button>
                          <div>
                            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                              {hit.code}
                            </Typography.Text>{' '}
                            {hit.status !== 'active' && <StatusTag a={hit} />}
                          </div>
                          {hit.path.length > 0 && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {hit.path.map((p) => p.name).join(' › ')}
                            </Typography.Text>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {results.total > results.pageSize && (
                    <Pagination
                      style={{ marginTop: 8 }}
                      size="small"
                      current={searchPage}
                      pageSize={results.pageSize}
                      total={results.total}
                      showSizeChanger={false}
                      onChange={(p) => runSearch(searchQ, p)}
                    />
                  )}
                </Card>
              </section>
            )}
            {treeData.length === 0 ? (
              <Empty description="Chưa có đơn vị." />
            ) : (
              <Tree
                ref={treeRef as never}
                aria-label="Cây đơn vị"
                treeData={treeData}
                height={620}
                // No expand animation: a revealed unit must be in the list at once to scroll to it.
                motion={false}
                blockNode
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys as string[])}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
                loadData={async (node) => {
                  if (!children[String(node.key)]) await fetchChildren(String(node.key));
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title="Thông tin đơn vị" loading={detailLoading && !detail}>
            {!detail ? (
              <Empty description="Chọn một đơn vị trên cây hoặc tìm theo Mã định danh, tên đơn vị." />
            ) : (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Descriptions size="small" column={1} bordered styles={{ label: { width: 180 } }}>
                  <Descriptions.Item label="Mã định danh">{detail.code}</Descriptions.Item>
                  <Descriptions.Item label="Tên đơn vị">{detail.name}</Descriptions.Item>
                  <Descriptions.Item label="Loại">{KIND_LABEL[detail.kind]}</Descriptions.Item>
                  <Descriptions.Item label="Đơn vị cấp trên">{detail.parent ? `${detail.parent.code} — ${detail.parent.name}` : '(không có)'}</Descriptions.Item>
                  <Descriptions.Item label="Trạng thái">
                    <StatusTag a={detail} />
                  </Descriptions.Item>
                  <Descriptions.Item label="Hiệu lực từ">{formatDate(detail.validFrom) || '—'}</Descriptions.Item>
                  <Descriptions.Item label="Hiệu lực đến">{formatDate(detail.validTo) || '—'}</Descriptions.Item>
                  <Descriptions.Item label="Số cán bộ">{detail.officerCount.toLocaleString('vi-VN')}</Descriptions.Item>
                  {detail.mergedFrom.length > 0 && (
                    <Descriptions.Item label="Các đơn vị đã sáp nhập vào đơn vị này">{detail.mergedFrom.map((m) => `${m.code} — ${m.name}`).join('; ')}</Descriptions.Item>
                  )}
                </Descriptions>
                <Space wrap>
                  <Button type="primary" disabled={!active} onClick={() => open('create')}>
                    Thêm đơn vị trực thuộc
                  </Button>
                  <Button onClick={() => open('edit')}>Sửa</Button>
                  <Button disabled={!active || !detail.canRestructure} onClick={() => open('move')}>
                    Chuyển đơn vị cấp trên
                  </Button>
                  <Button disabled={!active || !detail.canRestructure} onClick={() => open('merge')}>
                    Sáp nhập
                  </Button>
                  {active ? (
                    <Button danger disabled={!detail.canRestructure} onClick={() => open('deactivate')}>
                      Ngừng hoạt động
                    </Button>
                  ) : (
                    <Button onClick={() => open('reactivate')}>Kích hoạt lại</Button>
                  )}
                </Space>
                {!detail.canRestructure && (
                  <Typography.Text type="secondary">
                    Đây là đơn vị gốc trong phạm vi quản lý của bạn: chỉ quản trị cấp cao được chuyển, sáp nhập hoặc ngừng hoạt động đơn vị này.
                  </Typography.Text>
                )}
                <section aria-label="Lịch sử thay đổi">
                  <Typography.Title level={5}>Lịch sử thay đổi</Typography.Title>
                  <Table<HistoryRow>
                    size="small"
                    rowKey="id"
                    tableLayout="fixed"
                    columns={historyColumns}
                    dataSource={detail.history}
                    pagination={detail.history.length > 10 ? { pageSize: 10 } : false}
                    locale={{ emptyText: 'Chưa có thay đổi nào được ghi nhận.' }}
                  />
                </section>
              </Space>
            )}
          </Card>
        </Col>
      </Row>

      <Modal
        open={dialog !== null}
        title={dialog ? dialogTitle[dialog] : ''}
        okText={dialog ? okText[dialog] : ''}
        cancelText="Hủy bỏ"
        okButtonProps={{ danger: dialog === 'deactivate', loading: saving }}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setDialog(null)}
        forceRender
      >
        {detail && (
          <Form form={form} layout="vertical">
            {dialog === 'create' && (
              <Typography.Paragraph>
                Đơn vị cấp trên: <b>{detail.name}</b>
              </Typography.Paragraph>
            )}
            {(dialog === 'create' || dialog === 'edit') && (
              <>
                <Form.Item label="Mã định danh" name="code" rules={codeRules}>
                  <Input autoComplete="off" placeholder="NNN.NN.NN.XNN, ví dụ 000.00.43.H35" />
                </Form.Item>
                <Form.Item label="Tên đơn vị" name="name" rules={nameRules}>
                  <Input maxLength={250} />
                </Form.Item>
                <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Hãy chọn Loại đơn vị.' }]}>
                  <Select virtual={false} options={kindOptions} placeholder="Chọn loại đơn vị" />
                </Form.Item>
              </>
            )}
            {dialog === 'move' && (
              <>
                <Typography.Paragraph>
                  Đơn vị: <b>{detail.name}</b>. Đơn vị cấp trên hiện tại: {detail.parent?.name ?? '(không có)'}.
                </Typography.Paragraph>
                <Form.Item label="Đơn vị cấp trên mới" name="parentId" rules={[{ required: true, message: 'Hãy chọn Đơn vị cấp trên mới.' }]}>
                  <UnitSelect exclude={[detail.id, ...(detail.parentId ? [detail.parentId] : [])]} />
                </Form.Item>
              </>
            )}
            {dialog === 'merge' && (
              <>
                <Typography.Paragraph>
                  Sáp nhập đơn vị <b>{detail.name}</b> (và các đơn vị khác nếu chọn) vào một đơn vị đang hoạt động. Đơn vị bị sáp nhập ngừng hoạt động nhưng vẫn giữ trên
                  cây cùng lịch sử và số liệu.
                </Typography.Paragraph>
                <Form.Item label="Đơn vị khác cùng sáp nhập" name="others">
                  <UnitSelect mode="multiple" exclude={[detail.id]} placeholder="Không bắt buộc" />
                </Form.Item>
                <Form.Item label="Đơn vị nhận sáp nhập" name="targetId" rules={[{ required: true, message: 'Hãy chọn Đơn vị nhận sáp nhập.' }]}>
                  <UnitSelect exclude={[detail.id]} />
                </Form.Item>
                <Form.Item name="moveOfficers" valuePropName="checked">
                  <Checkbox>Chuyển cán bộ sang đơn vị nhận sáp nhập</Checkbox>
                </Form.Item>
              </>
            )}
            {dialog === 'deactivate' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={`Đơn vị "${detail.name}" sẽ ngừng hoạt động từ ngày hiệu lực và không nhận thêm cán bộ. Lịch sử và số liệu của đơn vị vẫn được giữ lại.`}
              />
            )}
            {dialog === 'reactivate' && (
              <Typography.Paragraph>
                Đơn vị <b>{detail.name}</b> hoạt động trở lại từ ngày hiệu lực.
              </Typography.Paragraph>
            )}
            <Form.Item label={dialog === 'create' ? 'Hiệu lực từ ngày' : 'Ngày hiệu lực'} name="effectiveDate" rules={dateRules}>
              <DatePicker format={['DD/MM/YYYY', 'D/M/YYYY']} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
