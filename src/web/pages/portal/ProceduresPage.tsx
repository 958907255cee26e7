// "Thủ tục hành chính": the public catalogue, searchable without accents, and one procedure with
// its time, fees and thành phần hồ sơ (issue 6). The pieces are in src/web/features/tracking (the
// public pages' folder; src/web/features/procedures is the administration's catalogue).
import { Alert, Button, Card, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getProcedure, listProcedures } from '../../../common/api/procedures';
import { errorMessage } from '../../api';
import { useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { ProcedureDocuments, ProcedureFacts } from '../../features/tracking/ProcedureFacts';
import { ProcedureResults } from '../../features/tracking/ProcedureResults';
import { OnlineTag } from '../../features/tracking/procedure-text';
import { PageHeading } from '../../components/PageHeading';

const FILTERS = ['q'] as const;
const PAGE_SIZE = 50;

export function ProceduresPage() {
  const { filters, page, pageSize, apply, reset, pagination } = useUrlList(FILTERS, PAGE_SIZE);
  const q = filters.q ?? '';
  const [text, setText] = useState(q);
  // The box shows what the address says (a reload, the back button, a shared link).
  useEffect(() => setText(q), [q]);
  const { data, error } = useApiQuery(listProcedures, { query: { q: filters.q, page, pageSize } }, { keepPrevious: true });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading style={{ margin: 0 }}>
        Thủ tục hành chính
      </PageHeading>
      <Input.Search
        aria-label="Tìm thủ tục"
        placeholder="Tên thủ tục (không cần gõ dấu) hoặc mã thủ tục"
        enterButton="Tìm kiếm"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => (v.trim() ? apply({ q: v }) : reset())}
        allowClear
      />
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {!data && !error && <Spin />}
      {data && <ProcedureResults data={data} pageSize={pageSize} pagination={pagination} />}
    </Space>
  );
}

export function ProcedureDetailPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const { data: p, error } = useApiQuery(getProcedure, { params: { code: code ?? '' } }, { enabled: !!code });
  if (error) return <Alert role="alert" type="error" showIcon title={errorMessage(error)} description={<Link to="/thu-tuc">Về danh mục thủ tục</Link>} />;
  if (!p) return <Spin />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/thu-tuc">← Danh mục thủ tục hành chính</Link>
      <PageHeading style={{ margin: 0 }}>
        {p.name}
      </PageHeading>
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
      <ProcedureFacts p={p} />
      <Card size="small" title="Thành phần hồ sơ">
        <ProcedureDocuments p={p} />
      </Card>
    </Space>
  );
}
