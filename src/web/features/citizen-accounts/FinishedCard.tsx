// A request that is no longer a draft: the success screen right after creating the account (or
// cancelling), otherwise the request's summary.
import { Button, Card, Result } from 'antd';
import type { getAccountRequest } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { formatDateTime } from '../../format';
import { RequestSummary } from './RequestSummary';

export function FinishedCard({ detail, fresh, onAnother, onList }: { detail: Reply<typeof getAccountRequest>; fresh: boolean; onAnother: () => void; onList: () => void }) {
  const done = detail.status === 'completed';
  if (!fresh) {
    return (
      <Card
        title={done ? `Đã tạo tài khoản lúc ${formatDateTime(detail.completedAt)}` : 'Yêu cầu đã hủy'}
        extra={<Button onClick={onList}>Về danh sách</Button>}
      >
        <RequestSummary d={detail} />
      </Card>
    );
  }
  return (
    <Card>
      <Result
        status={done ? 'success' : 'info'}
        title={done ? 'Tạo tài khoản thành công' : 'Yêu cầu đã hủy'}
        subTitle={
          done
            ? `Mật khẩu đăng nhập đã được gửi bằng tin nhắn SMS tới số ${detail.phone}. Công dân đăng nhập bằng số CMND/CCCD ${detail.idNumber} và phải đổi mật khẩu ở lần đăng nhập đầu tiên.`
            : 'Yêu cầu tạo tài khoản này đã được hủy.'
        }
        extra={[
          <Button key="list" onClick={onList}>
            Về danh sách
          </Button>,
          <Button key="new" type="primary" onClick={onAnother}>
            Tạo tài khoản khác
          </Button>,
        ]}
      />
      <RequestSummary d={detail} />
    </Card>
  );
}
