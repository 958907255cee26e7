// "Thủ tục hành chính": the public catalogue, searchable without accents and filtered by lĩnh vực
// (?linhVuc=) and nhóm sự kiện (?suKien=), and one procedure with the sections of the national
// database (issues 6, 15). The pieces are in src/web/features/tracking (the public pages' folder;
// src/web/features/procedures is the administration's catalogue).
import { Alert, Button, Input, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getProcedure, listProcedures } from '../../../common/api/procedures';
import { LIFE_EVENT_LABELS, type LifeEvent } from '../../../common/procedure-catalogue';
import { errorMessage } from '../../api';
import { PageHeading } from '../../components/PageHeading';
import { useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';
import { ProcedureResults } from '../../features/tracking/ProcedureResults';
import { ProcedureSections } from '../../features/tracking/ProcedureSections';
import { OnlineTag } from '../../features/tracking/procedure-text';

const FILTERS = ['q', 'linhVuc', 'suKien'] as const;
const PAGE_SIZE = 50;

const isLifeEvent = (v: string | undefined): v is LifeEvent => !!v && Object.hasOwn(LIFE_EVENT_LABELS, v);

export function ProceduresPage() {
  const { filters, page, pageSize, apply, reset, pagination } = useUrlList(FILTERS, PAGE_SIZE);
  const q = filters.q ?? '';
  const [text, setText] = useState(q);
  // The box shows what the address says (a reload, the back button, a shared link).
  useEffect(() => setText(q), [q]);
  const event = isLifeEvent(filters.suKien) ? filters.suKien : undefined;
  const { data, error } = useApiQuery(
    listProcedures,
    { query: { q: filters.q, field: filters.linhVuc, lifeEvent: event, page, pageSize } },
    { keepPrevious: true },
  );
  const heading = event ? `Thủ tục theo sự kiện: ${LIFE_EVENT_LABELS[event]}` : filters.linhVuc ? `Thủ tục lĩnh vực ${filters.linhVuc}` : 'Thủ tục hành chính';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading style={{ margin: 0 }}>{heading}</PageHeading>
      <Input.Search
        aria-label="Tìm thủ tục"
        placeholder="Tên thủ tục (không cần gõ dấu) hoặc mã thủ tục"
        enterButton="Tìm kiếm"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => apply({ ...filters, q: v })}
        allowClear
      />
      {(event || filters.linhVuc) && (
        <Space wrap>
          <Typography.Text>Đang lọc:</Typography.Text>
          {event && <Tag color="blue">Sự kiện: {LIFE_EVENT_LABELS[event]}</Tag>}
          {filters.linhVuc && <Tag color="blue">Lĩnh vực: {filters.linhVuc}</Tag>}
          <Button type="link" onClick={() => (q ? apply({ q }) : reset())}>
            Bỏ lọc, xem mọi thủ tục
          </Button>
        </Space>
      )}
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
      <Link to="/thu-tuc" style={{ display: 'inline-block', minHeight: 44, lineHeight: '44px' }}>
        ← Danh mục thủ tục hành chính
      </Link>
      <PageHeading style={{ margin: 0 }}>{p.name}</PageHeading>
      <Space wrap>
        <OnlineTag fullyOnline={p.fullyOnline} />
        {p.onlineFiling ? (
          <Button type="primary" size="large" onClick={() => navigate(`/nop-ho-so/${encodeURIComponent(p.code)}`)}>
            Nộp hồ sơ trực tuyến
          </Button>
        ) : (
          <Typography.Text type="secondary">Thủ tục này chưa nộp trực tuyến được; vui lòng nộp trực tiếp tại Bộ phận Một cửa.</Typography.Text>
        )}
        <Link to={`/phan-anh-kien-nghi/gui?thuTuc=${encodeURIComponent(p.code)}`}>Gửi phản ánh, kiến nghị về thủ tục này</Link>
      </Space>
      <ProcedureSections p={p} />
    </Space>
  );
}
