// The search above the tree and its results; a hit opens the tree down to the unit.
import { Button, Card, Checkbox, Form, Input, Pagination, Space, Typography } from 'antd';
import type { searchAgencies } from '../../../common/api/agencies';
import type { Reply } from '../../../common/api/contract';
import { StatusTag } from './StatusTag';
import type { AgencySearchState } from './useAgencySearch';

type Hit = Reply<typeof searchAgencies>['items'][number];

export function AgencySearch(props: {
  search: AgencySearchState;
  includeInactive: boolean;
  onIncludeInactive: (on: boolean) => void;
  onPick: (hit: Hit) => void;
}) {
  const { search } = props;
  const [form] = Form.useForm<{ q: string }>();
  const results = search.results;
  return (
    <>
      <Form form={form} layout="vertical" initialValues={{ q: search.q }} onFinish={(v) => search.run(v.q ?? '', 1)}>
        <Form.Item label="Mã định danh hoặc tên đơn vị" name="q" style={{ marginBottom: 8 }}>
          <Input allowClear placeholder="Ví dụ: 000.00.43.H35 hoặc mot cua cam thanh" />
        </Form.Item>
        <Space wrap style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit">
            TÌM KIẾM
          </Button>
          <Checkbox
            checked={props.includeInactive}
            onChange={(e) => {
              props.onIncludeInactive(e.target.checked);
              search.close();
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
              <Button size="small" type="link" onClick={search.close}>
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
                    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => props.onPick(hit)}>
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
                current={search.page}
                pageSize={results.pageSize}
                total={results.total}
                showSizeChanger={false}
                onChange={(p) => search.run(search.q, p)}
              />
            )}
          </Card>
        </section>
      )}
    </>
  );
}
