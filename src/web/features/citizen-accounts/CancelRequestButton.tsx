// "Hủy": a draft request becomes Đã hủy, after a confirmation.
import { App, Button, Popconfirm } from 'antd';
import { cancelAccountRequest, listAccountRequests } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { useApiMutation } from '../../data/hooks';
import { errorText } from './errorText';

export function CancelRequestButton({ id, onCancelled }: { id: string; onCancelled: (d: Reply<typeof cancelAccountRequest>) => void }) {
  const { message } = App.useApp();
  const cancel = useApiMutation(cancelAccountRequest, { invalidates: [listAccountRequests] });
  return (
    <Popconfirm
      title="Hủy yêu cầu tạo tài khoản này?"
      description="Bản nháp sẽ chuyển sang trạng thái Đã hủy và không thể tiếp tục."
      okText="Hủy yêu cầu"
      cancelText="Không"
      onConfirm={async () => {
        try {
          onCancelled(await cancel.mutateAsync({ params: { id } }));
        } catch (err) {
          message.error(errorText(err));
        }
      }}
    >
      <Button danger>Hủy</Button>
    </Popconfirm>
  );
}
