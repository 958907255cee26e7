// A dossier waiting in the reception queue (status 1 Mới đăng ký): receive it, ask the citizen for
// a supplement, or refuse it.
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { receiveDossier } from '../../../common/api/dossiers-desk';
import { errorMessage } from '../../api';
import type { DossierResult } from '../../components/dossier/dossier-types';
import { useApiMutation } from '../../data/hooks';
import { DOSSIER_READS } from './dossier-reads';
import { REASON_DIALOGS, ReasonDialog } from './ReasonDialog';
import type { OfficerDossierDetail } from './useDeskDossier';
import { useDossierRefresh } from './useDossierRefresh';

export function ReceptionDecisions({ d }: { d: OfficerDossierDetail }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<keyof typeof REASON_DIALOGS | null>(null);
  const receive = useApiMutation(receiveDossier, { invalidates: DOSSIER_READS });
  const refresh = useDossierRefresh();

  const decided = (r: DossierResult, text: string) => {
    message.success(`${text} ${r.code}.`);
    setDialog(null);
  };

  const onReceive = async () => {
    try {
      decided(await receive.mutateAsync({ params: { id: d.id }, body: {} }), 'Đã tiếp nhận hồ sơ');
    } catch (e) {
      message.error(errorMessage(e));
      refresh(d.id);
    }
  };

  return (
    <>
      <Card size="small" title="Xử lý hồ sơ chờ tiếp nhận">
        <Typography.Paragraph type="secondary">
          Kiểm tra tờ khai và các giấy tờ đính kèm, sau đó tiếp nhận hồ sơ, yêu cầu công dân bổ sung hoặc từ chối tiếp nhận. Công dân được thông báo qua SMS và thư điện tử.
        </Typography.Paragraph>
        <Space wrap>
          <Popconfirm
            title="Tiếp nhận hồ sơ này?"
            description={`Hồ sơ ${d.code} chuyển sang trạng thái "Được tiếp nhận" và được hẹn ngày trả kết quả.`}
            okText="Tiếp nhận"
            cancelText="Không"
            onConfirm={onReceive}
          >
            <Button type="primary" loading={receive.isPending}>
              Tiếp nhận
            </Button>
          </Popconfirm>
          <Button onClick={() => setDialog('supplement')}>Yêu cầu bổ sung</Button>
          <Button danger onClick={() => setDialog('refuse')}>
            Từ chối tiếp nhận
          </Button>
        </Space>
      </Card>
      {(['supplement', 'refuse'] as const).map((kind) => (
        <ReasonDialog
          key={kind}
          open={dialog === kind}
          dossier={d}
          kind={kind}
          onClose={() => setDialog(null)}
          onDone={(r) => decided(r, REASON_DIALOGS[kind].done)}
        />
      ))}
    </>
  );
}
