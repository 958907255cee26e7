// "Thủ tục hành chính": the public catalogue, searchable without accents, and one procedure with
// its time, fees and thành phần hồ sơ (issue 6).
import { Alert, Button, Card, Descriptions, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api';

interface Fee {
  label: string;
  amountVnd: number;
  unit?: string;
}

interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  implementingAgency: string;
  processingDays: number;
  processingNote: string | null;
  fees: Fee[];
  fullyOnline: boolean;
  onlineFiling: boolean;
}

interface ProcedureDetail extends ProcedureSummary {
  legalBasis: string | null;
  documents: { position: number; name: string; quantity: string; required: boolean; templateName: string | null; hasTemplate: boolean; note: string | null }[];
}

const money = new Intl.NumberFormat('vi-VN');

function feeText(fees: Fee[]): string {
  if (fees.length === 0 || fees.every((f) => f.amountVnd === 0)) return 'Miễn phí, lệ phí';
  return fees.map((f) => (f.amountVnd === 0 ? `${f.label}: miễn` : `${f.label}`)).join('; ');
}

function timeText(p: ProcedureSummary): string {
  return p.processingDays === 0 ? 'Trong ngày làm việc' : `${p.processingDays} ngày làm việc`;
}

function OnlineTag({ fullyOnline }: { fullyOnline: boolean }) {
  return fullyOnline ? <Tag color="green">Dịch vụ công trực tuyến toàn trình</Tag> : <Tag color="blue">Dịch vụ công trực tuyến một phần</Tag>;
}

export function ProceduresPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [data, setData] = useState<{ items: ProcedureSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<{ items: ProcedureSummary[]; total: number }>('/api/procedures', { q, pageSize: 50 })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [q]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Thủ tục hành chính
      </Typography.Title>
      <Input.Search
        aria-label="Tìm thủ tục"
        placeholder="Tên thủ tục (không cần gõ dấu) hoặc mã thủ tục"
        enterButton="Tìm kiếm"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
        allowClear
      />
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      {!data && !error && <Spin />}
      {data && (
        <Card size="small" title={`Tìm thấy ${data.total.toLocaleString('vi-VN')} thủ tục`}>
          <List
            dataSource={data.items}
            locale={{ emptyText: <Empty description="Không tìm thấy thủ tục phù hợp" /> }}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/thu-tuc/${p.code}`}>{p.name}</Link>}
                  description={
                    <Space wrap size={4}>
                      <Typography.Text type="secondary">
                        Mã {p.code} · {p.field} · {p.implementingAgency} · {timeText(p)}
                      </Typography.Text>
                      <OnlineTag fullyOnline={p.fullyOnline} />
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}

export function ProcedureDetailPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [p, setP] = useState<ProcedureDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code ?? '')}`)
      .then(setP)
      .catch((err) => setError(errorMessage(err)));
  }, [code]);
  if (error) return <Alert role="alert" type="error" showIcon title={error} description={<Link to="/thu-tuc">Về danh mục thủ tục</Link>} />;
  if (!p) return <Spin />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/thu-tuc">← Danh mục thủ tục hành chính</Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {p.name}
      </Typography.Title>
      <Space wrap>
        <OnlineTag fullyOnline={p.fullyOnline} />
        {p.onlineFiling ? (
          <Button type="primary" size="large" onClick={() => navigate(`/nop-ho-so/${encodeURIComponent(p.code)}`)}>
            Nộp hồ sơ trực tuyến
          </Button>
        ) : (
          <Typography.Text type="secondary">Thủ tục này chưa nộp trực tuyến được; vui lòng nộp trực tiếp tại Bộ phận Một cửa.</Typography.Text>
        )}
      </Space>
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label="Mã thủ tục">{p.code}</Descriptions.Item>
        <Descriptions.Item label="Lĩnh vực">{p.field}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan thực hiện">{p.implementingAgency}</Descriptions.Item>
        <Descriptions.Item label="Thời hạn giải quyết">
          {timeText(p)}
          {p.processingNote && <div style={{ color: '#666' }}>{p.processingNote}</div>}
        </Descriptions.Item>
        <Descriptions.Item label="Phí, lệ phí">
          {feeText(p.fees)}
          {p.fees.some((f) => f.amountVnd > 0) && (
            <div style={{ color: '#666' }}>
              {p.fees
                .filter((f) => f.amountVnd > 0)
                .map((f) => `${money.format(f.amountVnd)} đồng${f.unit ? `/${f.unit}` : ''}`)
                .join('; ')}
            </div>
          )}
        </Descriptions.Item>
        {p.legalBasis && <Descriptions.Item label="Căn cứ pháp lý">{p.legalBasis}</Descriptions.Item>}
      </Descriptions>
      <Card size="small" title="Thành phần hồ sơ">
        <List
          dataSource={p.documents}
          renderItem={(d, i) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <span>
                  {i + 1}. {d.name} {d.required ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nếu có</Tag>}
                </span>
                <Typography.Text type="secondary">
                  {d.quantity}
                  {d.templateName ? ` · Mẫu: ${d.templateName}` : ''}
                  {d.hasTemplate && ' · '}
                  {d.hasTemplate && (
                    <Typography.Link
                      href={`/api/procedures/${encodeURIComponent(p.code)}/documents/${d.position}/template`}
                      download
                      aria-label={`Tải mẫu: ${d.templateName ?? d.name}`}
                    >
                      Tải mẫu
                    </Typography.Link>
                  )}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
