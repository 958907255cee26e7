// The portal's home page pieces (issue 15), as dichvucong.gov.vn lays them out: the procedure
// search, "Thủ tục được sử dụng nhiều nhất", the catalogue by nhóm sự kiện and by lĩnh vực, and
// the year's public figures. Everything here is public and the same for every visitor.
import { Card, Col, Empty, Input, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getPublicFigures, listMostUsedProcedures, listProcedureGroups } from '../../../common/api/procedures';
import { LIFE_EVENTS } from '../../../common/procedure-catalogue';
import { useApiQuery } from '../../data/hooks';
import { OnlineTag, percent } from './procedure-text';

const number = new Intl.NumberFormat('vi-VN');

/** The search box: words of the name without accents, or a code; opens the catalogue with them. */
export function ProcedureSearchBox() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <Input.Search
      aria-label="Tìm thủ tục hành chính"
      placeholder="Nhập tên thủ tục (không cần dấu) hoặc mã thủ tục"
      enterButton="Tìm kiếm"
      size="large"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => navigate(v.trim() ? `/thu-tuc?q=${encodeURIComponent(v.trim())}` : '/thu-tuc')}
    />
  );
}

export function ProcedureMostUsed() {
  const { data, error } = useApiQuery(listMostUsedProcedures, { query: { limit: 6 } });
  return (
    <Card size="small" title={<h2 style={{ fontSize: 18, margin: 0 }}>Thủ tục được sử dụng nhiều nhất</h2>}>
      {error && <Typography.Text type="secondary">Chưa tải được danh sách thủ tục; vui lòng thử lại sau.</Typography.Text>}
      {!data && !error && <Skeleton active />}
      {data && (
        <List
          dataSource={data.items}
          locale={{ emptyText: <Empty description="Chưa có thủ tục nào được công bố" /> }}
          renderItem={(p, i) => (
            <List.Item>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Link to={`/thu-tuc/${p.code}`} style={{ fontSize: 16, fontWeight: 500, display: 'block', padding: '10px 0 4px' }}>
                  {i + 1}. {p.name}
                </Link>
                <Space wrap size={4}>
                  <Typography.Text type="secondary">
                    {p.field}
                    {p.dossiers > 0 ? ` · ${number.format(p.dossiers)} hồ sơ trong ${data.days} ngày qua` : ''}
                  </Typography.Text>
                  {p.onlineFiling && <OnlineTag fullyOnline={p.fullyOnline} />}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const tile = { display: 'flex', flexDirection: 'column', justifyContent: 'center', minHeight: 76, padding: '10px 14px', borderRadius: 8 } as const;

export function ProcedureGroups() {
  const { data } = useApiQuery(listProcedureGroups, {});
  const counts = new Map(data?.lifeEvents.map((e) => [e.key, e.count]));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={<h2 style={{ fontSize: 18, margin: 0 }}>Thủ tục theo nhóm sự kiện</h2>}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 12 }}>
          {LIFE_EVENTS.map((e) => {
            const n = counts.get(e.key) ?? 0;
            const body = (
              <>
                <strong style={{ fontSize: 16 }}>{e.label}</strong>
                <span style={{ color: n ? '#434343' : '#595959', fontSize: 14 }}>{n ? `${n} thủ tục · ${e.hint}` : 'Chưa có thủ tục trong danh mục'}</span>
              </>
            );
            return n ? (
              <Link key={e.key} to={`/thu-tuc?suKien=${e.key}`} style={{ ...tile, background: '#e6f4ff', color: '#003a8c' }}>
                {body}
              </Link>
            ) : (
              <div key={e.key} style={{ ...tile, background: '#f5f5f5', color: '#434343' }}>
                {body}
              </div>
            );
          })}
        </div>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 18, margin: 0 }}>Thủ tục theo lĩnh vực</h2>}>
        {!data ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <Space wrap>
            {data.fields.map((f) => (
              <Link key={f.field} to={`/thu-tuc?linhVuc=${encodeURIComponent(f.field)}`} style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}>
                <Tag color="blue" style={{ fontSize: 15, padding: '6px 12px', margin: 0 }}>
                  {f.field} ({f.count})
                </Tag>
              </Link>
            ))}
          </Space>
        )}
      </Card>
    </Space>
  );
}

export function ProcedurePublicFigures() {
  const { data } = useApiQuery(getPublicFigures, {});
  if (!data) return <Card size="small"><Skeleton active paragraph={{ rows: 2 }} /></Card>;
  const items: [string, string][] = [
    ['Hồ sơ đã tiếp nhận', number.format(data.received)],
    ['Hồ sơ đã giải quyết', number.format(data.resolved)],
    ['Tỷ lệ giải quyết đúng hạn', percent(data.onTimeShare)],
    ['Tỷ lệ hồ sơ trực tuyến', percent(data.onlineShare)],
    ['Tỷ lệ hài lòng', percent(data.satisfiedShare)],
    ['Thủ tục nộp trực tuyến', `${number.format(data.proceduresOnline)}/${number.format(data.proceduresInForce)}`],
  ];
  return (
    <Card size="small" title={<h2 style={{ fontSize: 18, margin: 0 }}>Tình hình giải quyết hồ sơ năm {data.year}</h2>}>
      <Row gutter={[12, 16]}>
        {items.map(([label, value]) => (
          <Col key={label} xs={12} md={8} xl={4}>
            <Statistic title={label} value={value} styles={{ content: { color: '#0958d9', fontSize: 24 } }} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        Số liệu từ ngày 01/01/{data.year}, cập nhật vài phút một lần; chỉ gồm số tổng hợp.
      </Typography.Paragraph>
    </Card>
  );
}
