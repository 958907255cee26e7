// The published feedback: answered, and agreed to by the sender. Question, answer, agency and
// dates, searched without accents, a page at a time (search and page in the address).
import { Alert, Button, Card, Empty, Form, Input, Pagination, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { listPublicFeedback } from '../../../common/api/feedback';
import { errorMessage } from '../../api';
import { useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { dayOf, Paragraphs } from './shared';

const FILTERS = ['q'] as const;

export function PublicFeedbackList() {
  const { filters, page, pageSize, apply, reset, pagination } = useUrlList(FILTERS, 10);
  const [form] = Form.useForm();
  useEffect(() => form.setFieldsValue({ q: filters.q ?? '' }), [filters, form]);
  const { data, error, isFetching } = useApiQuery(listPublicFeedback, { query: { q: filters.q, page, pageSize } }, { keepPrevious: true });
  const p = pagination(data?.total ?? 0);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Phản ánh, kiến nghị đã được trả lời
      </Typography.Title>
      <Form form={form} name="publicFeedbackSearch" layout="vertical" onFinish={(v: { q?: string }) => apply({ q: v.q })}>
        <Form.Item label="Tìm theo mã, tiêu đề hoặc nội dung (không cần dấu)" name="q">
          <Input maxLength={100} allowClear placeholder="Ví dụ: khai sinh" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit">
            Tìm kiếm
          </Button>
          <Button onClick={reset}>Xóa điều kiện</Button>
        </Space>
      </Form>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {data && <div role="status">Có {data.total.toLocaleString('vi-VN')} phản ánh, kiến nghị đã được trả lời{filters.q ? ' phù hợp' : ''}.</div>}
      {!data && isFetching && <Spin />}
      {data && data.items.length === 0 && <Empty description="Chưa có phản ánh, kiến nghị nào phù hợp." />}
      {data?.items.map((f) => (
        <Card key={f.code} size="small" title={<span style={{ whiteSpace: 'normal' }}>{f.title}</span>}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {f.code} · {f.procedureName} · Gửi ngày {dayOf(f.createdAt)}
            </Typography.Text>
            <Paragraphs text={f.content} />
            <div style={{ borderLeft: '4px solid #0b5394', paddingLeft: 12 }}>
              <Typography.Text strong>
                {f.agencyName} trả lời ngày {dayOf(f.answeredAt)}:
              </Typography.Text>
              <Paragraphs text={f.answer} />
            </div>
          </Space>
        </Card>
      ))}
      {data && data.total > pageSize && (
        <Pagination current={p.current} pageSize={p.pageSize} total={data.total} onChange={p.onChange} showSizeChanger={false} simple align="center" />
      )}
    </Space>
  );
}
