// "Phản ánh, kiến nghị" (back office): the feedback sent to the agencies the officer's units serve,
// filtered by status and date and searched without accents (filters and page in the address);
// a row opens the feedback to read and answer it.
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { Reply } from '../../../common/api/contract';
import { FEEDBACK_STATUS_LABELS, FEEDBACK_STATUSES, listAgencyFeedback, type FeedbackStatus } from '../../../common/api/feedback';
import { errorMessage } from '../../api';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';
import { useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { OfficerFeedbackDetail } from '../../features/feedback/OfficerFeedbackDetail';
import { dayOf, FeedbackStatusTag } from '../../features/feedback/shared';

type Item = Reply<typeof listAgencyFeedback>['items'][number];
const FILTERS = ['q', 'status', 'from', 'to', 'mo'] as const;

export function FeedbackListPage() {
  const { filters, page, pageSize, apply, reset, pagination } = useUrlList(FILTERS);
  const [form] = Form.useForm();
  const status = (FEEDBACK_STATUSES as readonly string[]).includes(filters.status ?? '') ? (filters.status as FeedbackStatus) : undefined;
  const { data, error, isFetching } = useApiQuery(listAgencyFeedback, { query: { q: filters.q, status, from: filters.from, to: filters.to, page, pageSize } }, { keepPrevious: true });
  useEffect(() => {
    form.setFieldsValue({ q: filters.q, status, from: filters.from ? dayjs(filters.from) : undefined, to: filters.to ? dayjs(filters.to) : undefined });
  }, [filters, status, form]);
  const open = (id: string | undefined) => apply({ ...filters, mo: id });
  const search = (v: Record<string, unknown>) =>
    apply({
      q: v.q as string | undefined,
      status: v.status as string | undefined,
      from: dayjs.isDayjs(v.from) ? (v.from as Dayjs).format('YYYY-MM-DD') : undefined,
      to: dayjs.isDayjs(v.to) ? (v.to as Dayjs).format('YYYY-MM-DD') : undefined,
    });

  const columns: TableColumnsType<Item> = [
    { title: 'Mã', dataIndex: 'code', width: 170, render: (v: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => open(r.id)}>{v}</Button> },
    { title: 'Tiêu đề', dataIndex: 'title' },
    { title: 'Về', key: 'about', render: (_v, r) => (r.dossierCode ? `Hồ sơ ${r.dossierCode}` : r.procedureName) },
    { title: 'Cơ quan', key: 'agency', width: 200, render: (_v, r) => r.agency.name },
    { title: 'Ngày gửi', dataIndex: 'createdAt', width: 110, render: (v: string) => dayOf(v) },
    { title: 'Trạng thái', dataIndex: 'statusLabel', width: 130, render: (v: string, r) => <FeedbackStatusTag status={r.status} label={v} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Phản ánh, kiến nghị
      </PageHeading>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      <Card title="Thông tin tìm kiếm" size="small">
        <Form form={form} name="feedbackSearch" layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Mã, tiêu đề hoặc nội dung (không cần dấu)" name="q">
                <Input maxLength={100} allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label="Trạng thái" name="status">
                <Select allowClear placeholder="Tất cả" options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: FEEDBACK_STATUS_LABELS[s] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label="Gửi từ ngày" name="from">
                <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label="Đến ngày" name="to">
                <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              Tìm kiếm
            </Button>
            <Button onClick={reset}>Xóa điều kiện</Button>
          </Space>
        </Form>
      </Card>
      {data && <div role="status">Tìm thấy {data.total.toLocaleString('vi-VN')} phản ánh, kiến nghị.</div>}
      <Table<Item> rowKey="id" size="middle" loading={isFetching} columns={columns} dataSource={data?.items ?? []} pagination={pagination(data?.total ?? 0)} scroll={{ x: 900 }} />
      <OfficerFeedbackDetail id={filters.mo ?? null} onClose={() => open(undefined)} />
    </Space>
  );
}
