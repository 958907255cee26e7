// "Rút hồ sơ", with a confirmation and an optional reason, while the dossier is still open.
import { UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { withdrawDossier } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { CITIZEN_DOSSIER_READS } from './citizen-dossier-reads';

/** The dossier's reads are fetched again once withdrawn; `onWithdrawn` is told too. */
export function PortalWithdraw({ id, code, onWithdrawn }: { id: string; code: string; onWithdrawn?: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useApiMutation(withdrawDossier, { invalidates: CITIZEN_DOSSIER_READS });
  const confirm = async () => {
    try {
      await withdraw.mutateAsync({ params: { id }, body: reason.trim() ? { reason: reason.trim() } : {} });
      message.success(`Đã rút hồ sơ ${code}.`);
      setOpen(false);
      onWithdrawn?.();
    } catch {
      // Shown from the mutation's state.
    }
  };
  return (
    <>
      <Button danger icon={<UndoOutlined />} onClick={() => setOpen(true)}>
        Rút hồ sơ
      </Button>
      <Modal
        open={open}
        title="Rút hồ sơ"
        okText="Xác nhận rút hồ sơ"
        cancelText="Không rút"
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>
            Bạn có chắc muốn rút hồ sơ <strong>{code}</strong>? Cơ quan sẽ dừng giải quyết hồ sơ; muốn làm lại, bạn phải nộp hồ sơ mới.
          </span>
          <label htmlFor="withdraw-reason">Lý do rút hồ sơ (không bắt buộc)</label>
          <Input.TextArea id="withdraw-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          {withdraw.error && <Alert role="alert" type="error" showIcon title={errorMessage(withdraw.error)} />}
        </Space>
      </Modal>
    </>
  );
}
