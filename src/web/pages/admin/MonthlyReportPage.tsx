// "Báo cáo tài khoản theo tháng" (SPEC §1.6): accounts created per unit and month in the
// administrator's subtree, officer-assisted and self-registered, as a chart and a table; "Xuất
// Excel" downloads exactly that table.
import { UnitPicker } from '../../components/UnitPicker';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { exportMonthlyReport, getMonthlyReport } from '../../../common/api/reports';
import { ApiError, errorMessage, withQuery } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

const OFFICER = 'Cán bộ tạo tại Một cửa';
const SELF = 'Tự đăng ký';
const MAX_MONTHS = 24;

/** "2026-01" → "01/2026". */
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const n = (v: number) => v.toLocaleString('vi-VN');

function defaultRange(): { from: string; to: string } {
  const now = dayjs();
  return { from: now.subtract(5, 'month').format('YYYY-MM'), to: now.format('YYYY-MM') };
}

type Line = { key: string; code: string; name: string; counts: number[]; total: number; tag?: ReactNode };

function countTable(months: string[], title: string, lines: Line[], sumLabel: string, sums: number[], sumTotal: number, empty: string) {
  const columns: TableColumnsType<Line> = [
    { title: 'Mã định danh', dataIndex: 'code', width: 130, fixed: 'left' },
    {
      title: 'Đơn vị',
      dataIndex: 'name',
      width: 300,
      fixed: 'left',
      render: (v: string, r) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {r.tag}
        </Space>
      ),
    },
    ...months.map((m, i) => ({ title: monthLabel(m), key: m, align: 'right' as const, width: 80, render: (_: unknown, r: Line) => n(r.counts[i] ?? 0) })),
    { title: 'Tổng', dataIndex: 'total', align: 'right', width: 80, render: (v: number) => <strong>{n(v)}</strong> },
  ];
  return (
    <Table<Line>
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={lines}
      pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 510 + months.length * 80 }}
      locale={{ emptyText: <Empty description={empty} /> }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{sumLabel}</strong>
            </Table.Summary.Cell>
            {sums.map((v, i) => (
              <Table.Summary.Cell key={i} index={i + 2} align="right">
                <strong>{n(v)}</strong>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={sums.length + 2} align="right">
              <strong>{n(sumTotal)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

export function MonthlyReportPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const [exporting, setExporting] = useState(false);
  const filters = useMemo(() => {
    const d = defaultRange();
    return { from: params.get('from') ?? d.from, to: params.get('to') ?? d.to, unitId: params.get('unitId') ?? undefined };
  }, [params]);
  // The previous report stays on screen while the next one loads; a refused one hides it.
  const { data: report, error, isFetching, refetch } = useApiQuery(getMonthlyReport, { query: filters }, { keepPrevious: true });

  // The form shows what the address says (a reload, the back button, a shared link).
  useEffect(() => {
    form.setFieldsValue({ from: dayjs(`${filters.from}-01`), to: dayjs(`${filters.to}-01`), unitId: filters.unitId });
  }, [filters, form]);

  const show = (v: { from?: Dayjs; to?: Dayjs; unitId?: string }) => {
    const next: Record<string, string> = {};
    if (v.from) next.from = v.from.format('YYYY-MM');
    if (v.to) next.to = v.to.format('YYYY-MM');
    if (v.unitId) next.unitId = v.unitId;
    // "Xem báo cáo" again with the same filters counts again.
    setParams(next);
    if (next.from === filters.from && next.to === filters.to && next.unitId === filters.unitId) void refetch();
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      const res = await fetch(withQuery(exportMonthlyReport.url, filters), { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
        throw new ApiError(res.status, body?.code ?? `HTTP_${res.status}`, body?.message ?? 'Không xuất được tệp Excel.');
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `bao-cao-tai-khoan-${filters.from}-${filters.to}.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const chartData = report?.months.map((m, i) => ({ month: monthLabel(m), [OFFICER]: report.totals.officer[i], [SELF]: report.totals.self[i] })) ?? [];
  const unitLines: Line[] =
    report?.units.map((u) => ({
      key: u.id,
      code: u.code,
      name: u.name,
      counts: u.counts,
      total: u.total,
      tag: u.mergedInto ? <Tag color="orange">Đã sáp nhập vào {u.mergedInto.name}</Tag> : u.status === 'inactive' ? <Tag>Ngừng hoạt động</Tag> : undefined,
    })) ?? [];
  const provinceLines: Line[] =
    report?.selfRegistered.map((p) => ({ key: p.provinceCode ?? 'unknown', code: p.provinceCode ?? '', name: p.name, counts: p.counts, total: p.total })) ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Báo cáo tài khoản theo tháng
      </PageHeading>
      <Card size="small">
        <Form form={form} name="monthlyReport" layout="vertical" onFinish={show}>
          <Row gutter={16}>
            <Col xs={12} md={5}>
              <Form.Item label="Từ tháng" name="from" rules={[{ required: true, message: 'Chọn tháng bắt đầu.' }]}>
                <DatePicker picker="month" format="MM/YYYY" placeholder="mm/yyyy" style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item
                label="Đến tháng"
                name="to"
                dependencies={['from']}
                rules={[
                  { required: true, message: 'Chọn tháng kết thúc.' },
                  ({ getFieldValue }) => ({
                    validator(_r, v: Dayjs | undefined) {
                      const from = getFieldValue('from') as Dayjs | undefined;
                      if (!v || !from) return Promise.resolve();
                      const span = v.diff(from.startOf('month'), 'month') + 1;
                      if (span < 1) return Promise.reject(new Error('"Đến tháng" phải sau hoặc trùng "Từ tháng".'));
                      if (span > MAX_MONTHS) return Promise.reject(new Error(`Báo cáo tối đa ${MAX_MONTHS} tháng.`));
                      return Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker picker="month" format="MM/YYYY" placeholder="mm/yyyy" style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item label="Đơn vị" name="unitId">
                <UnitPicker source="scope" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={isFetching}>
              Xem báo cáo
            </Button>
            <Button onClick={exportExcel} loading={exporting} disabled={!report}>
              Xuất Excel
            </Button>
          </Space>
        </Form>
      </Card>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {report && (
        <>
          <Card size="small" title={report.title}>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={8}>
                <Statistic title="Tổng số tài khoản" value={report.totals.total} groupSeparator="." />
              </Col>
              <Col xs={8}>
                <Statistic title={OFFICER} value={report.totals.officerTotal} groupSeparator="." />
              </Col>
              <Col xs={8}>
                <Statistic title={SELF} value={report.totals.selfTotal} groupSeparator="." />
              </Col>
            </Row>
            <div role="img" aria-label={`Biểu đồ số tài khoản tạo theo tháng: ${OFFICER} và ${SELF}`} style={{ width: '100%', height: 320 }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={chartData} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} />
                  <Tooltip formatter={(v) => n(Number(v))} />
                  <Legend />
                  <Bar dataKey={OFFICER} stackId="a" fill="#0b5394" />
                  <Bar dataKey={SELF} stackId="a" fill="#f1a33c" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
          <Card size="small">
            {countTable(report.months, 'Tài khoản do cán bộ tạo tại Một cửa (theo đơn vị tạo)', unitLines, 'Cộng cán bộ tạo tại Một cửa', report.totals.officer, report.totals.officerTotal, 'Không có đơn vị nào trong phạm vi đã chọn')}
          </Card>
          <Card size="small">
            {report.selfRegisteredNote ? (
              <Alert type="info" showIcon title={report.selfRegisteredNote} />
            ) : (
              countTable(report.months, 'Tài khoản tự đăng ký (theo tỉnh của số CCCD)', provinceLines, 'Cộng tự đăng ký', report.totals.self, report.totals.selfTotal, 'Không có tỉnh nào trong phạm vi quản lý')
            )}
          </Card>
          <Card size="small">
            <Typography.Text strong>
              Tổng cộng: {n(report.totals.total)} tài khoản ({report.months.map((m, i) => `${monthLabel(m)}: ${n(report.totals.all[i] ?? 0)}`).join('; ')}).
            </Typography.Text>
          </Card>
        </>
      )}
    </Space>
  );
}
