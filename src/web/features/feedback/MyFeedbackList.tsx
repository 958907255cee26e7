// The signed-in citizen's own feedback, every state, newest first, each with its answer when there is one.
import { Alert, Collapse, Empty, Space, Typography } from 'antd';
import { listMyFeedback } from '../../../common/api/feedback';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { dayOf, FeedbackStatusTag, Paragraphs } from './shared';

export function MyFeedbackList() {
  const { data, error } = useApiQuery(listMyFeedback, { query: { page: 1, pageSize: 50 } });
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
    </Space>
  );
}
