// "Tạo tài khoản công dân": the requests of the officer's units, searchable, newest first; each
// opens in the wizard (a draft continues where it stopped).
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { getAccountFormContext, listAccountRequests } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { ApiError } from '../../api';
import { useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

type Row = Reply<typeof listAccountRequests>['items'][number];
type RequestStatus = Row['status'];

export const STATUS_LABEL: Record<RequestStatus, { text: string; color: string }> = {
  draft: { text: 'Chưa hoàn thành', color: 'gold' },
  completed: { text: 'Đã tạo tài khoản', color: 'green' },
  cancelled: { text: 'Đã hủy', color: 'default' },
};

const FILTERS = ['name', 'phone', 'idNumber', 'officer', 'unitId', 'from', 'to', 'status'] as const;

export function CitizenAccountListPage() {
  const { filters, page, pageSize, apply, pagination } = useUrlList(FILTERS);
  const navigate = useNavigate();
  const { me } = useSession();
  const mayCreate = !!me?.permissions.includes('CITIZEN_ACCOUNT_CREATE');
  const [form] = Form.useForm();
  // Without the context (no permission, a network error) the unit filter simply offers nothing.
  const { data: ctx } = useApiQuery(getAccountFormContext, {});
  const units = ctx?.allUnits ?? [];
  const { data, error, isFetching } = useApiQuery(
    listAccountRequests,
    // A wrong status in the address is the server's to refuse (with its message).
    { query: { ...filters, status: filters.status as RequestStatus | undefined, page, pageSize } },
    { keepPrevious: true },
  );

  // The form shows what the address says (a reload, the back button, a shared link).
  useEffect(() => {
    form.setFieldsValue({ ...filters, from: filters.from ? dayjs(filters.from) : undefined, to: filters.to ? dayjs(filters.to) : undefined });
  }, [filters, form]);

  const search = (v: Record<string, unknown>) =>
    apply(Object.fromEntries(FILTERS.map((k) => [k, dayjs.isDayjs(v[k]) ? (v[k] as Dayjs).format('YYYY-MM-DD') : typeof v[k] === 'string' ? v[k] : undefined])));

  const columns: TableColumnsType<Row> = [
    { title: 'STT', key: 'stt', width: 64, render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    { title: 'Tên công dân', dataIndex: 'fullName' },
    { title: 'CMND/CCCD', dataIndex: 'idNumber' },
    { title: 'Số điện thoại', dataIndex: 'phone' },
    { title: 'Cán bộ tạo', dataIndex: 'officerName' },
    { title: 'Đơn vị', dataIndex: 'unitName' },
    { title: 'Trạng thái', dataIndex: 'status', render: (s: RequestStatus) => <Tag color={STATUS_LABEL[s].color}>{STATUS_LABEL[s].text}</Tag> },
    { title: 'Thời gian tạo', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_v, r) => <Link to={`/quan-tri/tao-tai-khoan-cong-dan/${r.id}`}>{r.status === 'draft' ? 'Tiếp tục' : 'Xem'}</Link>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Tạo tài khoản công dân
      </PageHeading>
      <Alert type="info" showIcon title="Khuyến nghị: Sử dụng hệ điều hành Windows, trình duyệt Chrome để thực hiện xử lý dịch vụ" />
      {error && <Alert role="alert" type="error" showIcon title={error instanceof ApiError ? error.message : 'Đã có lỗi xảy ra.'} />}
      <Card title="Thông tin tìm kiếm:" size="small">
        <Form form={form} layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Tên công dân" name="name">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Số điện thoại" name="phone">
                <Input allowClear inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="CMND/CCCD" name="idNumber">
                <Input allowClear inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Cán bộ tạo" name="officer">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Đơn vị tạo" name="unitId">
                <Select virtual={false} allowClear placeholder="Tất cả đơn vị" options={units.map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="Từ ngày" name="from">
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="Đến ngày" name="to">
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Trạng thái" name="status">
                <Select
                  virtual={false}
                  allowClear
                  placeholder="Tất cả"
                  options={Object.entries(STATUS_LABEL).map(([value, l]) => ({ value, label: l.text }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              Tìm kiếm
            </Button>
            <Button disabled={!mayCreate} onClick={() => navigate('/quan-tri/tao-tai-khoan-cong-dan/them-moi')}>
              Thêm mới
            </Button>
          </Space>
        </Form>
      </Card>
      <Card size="small">
        <Typography.Text strong>
          {data ? (data.totalCapped ? `Tìm thấy hơn ${data.total.toLocaleString('vi-VN')} kết quả` : `Tìm thấy ${data.total.toLocaleString('vi-VN')} kết quả`) : ' '}
        </Typography.Text>
        <Table<Row>
          rowKey="id"
          size="middle"
          style={{ marginTop: 12 }}
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description="Không tìm thấy tài khoản thỏa mãn các tiêu chí trên" /> }}
          scroll={{ x: 1000 }}
          pagination={pagination(data?.total ?? 0)}
        />
      </Card>
    </Space>
  );
}
