// "Phản ánh, kiến nghị": the published answers for everyone; for a signed-in citizen also their
// own feedback and the way to send a new one (/phan-anh-kien-nghi/gui, also linked from a
// procedure's page and from a dossier in "Hồ sơ của tôi").
import { Space, Typography } from 'antd';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeading } from '../../components/PageHeading';
import { MyFeedbackList } from '../../features/feedback/MyFeedbackList';
import { PublicFeedbackList } from '../../features/feedback/PublicFeedbackList';
import { SendFeedbackForm } from '../../features/feedback/SendFeedbackForm';
import { useCitizenGate } from '../../features/my-dossiers/useCitizenGate';
import { useSession } from '../../session';

export function FeedbackPage() {
  const { me } = useSession();
  const citizen = me?.audience === 'citizen';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <PageHeading style={{ margin: 0 }}>Phản ánh, kiến nghị</PageHeading>
        <ButtonLink to="/phan-anh-kien-nghi/gui" type="primary">
          Gửi phản ánh, kiến nghị
        </ButtonLink>
      </Space>
      <Typography.Paragraph style={{ margin: 0 }}>
        Người dân phản ánh, kiến nghị về thủ tục hành chính hoặc hồ sơ của mình; cơ quan có thẩm quyền trả lời. Những phản ánh đã được trả lời và được người gửi đồng ý công khai được đăng dưới đây.
      </Typography.Paragraph>
      {citizen && <MyFeedbackList />}
      <PublicFeedbackList />
    </Space>
  );
}

export function SendFeedbackPage() {
  const gate = useCitizenGate();
  if (gate) return gate;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading style={{ margin: 0 }}>Gửi phản ánh, kiến nghị</PageHeading>
      <SendFeedbackForm />
    </Space>
  );
}
