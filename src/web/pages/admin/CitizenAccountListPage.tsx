import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, query, type RequestList, type RequestListItem, type RequestStatus, type Unit } from '../../api';
import { useUrlPagination } from '../../components/url-pagination';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';

export const STATUS_LABEL: Record<RequestStatus, { text: string; color: string }> = {
  draft: { text: 'Chưa hoàn thành', color: 'gold' },
  completed: { text: 'Đã tạo tài khoản', color: 'green' },
  cancelled: { text: 'Đã hủy', color: 'default' },
};

type Row = RequestListItem;
type ListResponse = RequestList;

const FILTERS = ['name', 'phone', 'idNumber', 'officer', 'unitId', 'from', 'to', 'status'] as const;

export function CitizenAccountListPage() {
  const { params, setParams, page, pageSize, pagination } = useUrlPagination();
  const navigate = useNavigate();
  const { me } = useSession();
  const mayCreate = !!me?.permissions.includes('CITIZEN_ACCOUNT_CREATE');
  const [form] = Form.useForm();
  const [data, setData] = useState<ListResponse | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    api
      .get<{ allUnits: Unit[] }>('/api/citizen-account-requests/form-context')
      .then((c) => setUnits(c.allUnits))
      .catch(() => setUnits([]));
  }, []);

  useEffect(() => {
    const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]));
    form.setFieldsValue({ ...f, from: f.from ? dayjs(f.from) : undefined, to: f.to ? dayjs(f.to) : undefined });
    setLoading(true);
    api
      .get<ListResponse>(`/api/citizen-account-requests${query({ ...f, page, pageSize })}`)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err) => setError(err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra.'))
      .finally(() => setLoading(false));
  }, [params, form, page, pageSize]);

  const search = (v: Record<string, unknown>) => {
    const next: Record<string, string> = {};
    for (const k of FILTERS) {
      const val = v[k];
      if (dayjs.isDayjs(val)) next[k] = val.format('YYYY-MM-DD');
      else if (typeof val === 'string' && val.trim()) next[k] = val.trim();
    }
    setParams({ ...next, page: '1', pageSize: String(pageSize) });
  };

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
      <Typography.Title level={3} style={{ margin: 0 }}>
        Tạo tài khoản công dân
      </Typography.Title>
      <Alert type="info" showIcon title="Khuyến nghị: Sử dụng hệ điều hành Windows, trình duyệt Chrome để thực hiện xử lý dịch vụ" />
      {error && <Alert role="alert" type="error" showIcon title={error} />}
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
          loading={loading}
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
