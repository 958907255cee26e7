// The signed-in citizen's own feedback, every state, newest first, each with its answer when there
// is one; ten at a time (the page shares its address with the public list, so the page number is
// kept here, not in the address).
import { Alert, Collapse, Empty, Pagination, Space, Typography } from 'antd';
import { useState } from 'react';
import { listMyFeedback } from '../../../common/api/feedback';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { dayOf, FeedbackStatusTag, Paragraphs } from './shared';

const PAGE_SIZE = 10;

export function MyFeedbackList() {
  const [page, setPage] = useState(1);
  const { data, error } = useApiQuery(listMyFeedback, { query: { page, pageSize: PAGE_SIZE } }, { keepPrevious: true });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Phản ánh, kiến nghị của tôi
      </Typography.Title>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {data && data.items.length === 0 && <Empty description="Bạn chưa gửi phản ánh, kiến nghị nào." />}
      {data && data.items.length > 0 && (
        <Collapse
          items={data.items.map((f) => ({
            key: f.id,
            label: (
              <Space wrap size={4}>
                <span>{f.code}</span>
                <FeedbackStatusTag status={f.status} label={f.statusLabel} />
                <span>{f.title}</span>
              </Space>
            ),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {f.about.dossierCode ? `Hồ sơ ${f.about.dossierCode} · ` : ''}
                  {f.about.procedureName} · {f.agency.name} · Gửi ngày {dayOf(f.createdAt)} · {f.consentPublic ? 'Đồng ý công khai' : 'Không công khai'}
                </Typography.Text>
                <Paragraphs text={f.content} />
                {f.answer ? (
                  <div style={{ borderLeft: '4px solid #0b5394', paddingLeft: 12 }}>
                    <Typography.Text strong>Trả lời ngày {dayOf(f.answeredAt)}:</Typography.Text>
                    <Paragraphs text={f.answer} />
                  </div>
                ) : (
                  <Typography.Text>Cơ quan chưa trả lời; bạn sẽ nhận được tin nhắn khi có câu trả lời.</Typography.Text>
                )}
              </Space>
            ),
          }))}
        />
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} simple align="center" />
      )}
    </Space>
  );
}
