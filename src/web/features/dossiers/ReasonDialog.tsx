// "Yêu cầu bổ sung" / "Từ chối tiếp nhận" of a dossier waiting at the desk: the reason the citizen
// receives by SMS and e-mail; a refusal is confirmed once more, as it cannot be undone.
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { refuseDossier, requestSupplement } from '../../../common/api/dossiers-desk';
import { errorMessage } from '../../api';
import type { DossierResult } from '../../components/dossier/dossier-types';
import { useApiMutation } from '../../data/hooks';
import { DOSSIER_READS } from './dossier-reads';
import type { OfficerDossierDetail } from './useDeskDossier';
import { useDossierRefresh } from './useDossierRefresh';

export const REASON_DIALOGS = {
  supplement: {
    title: 'Yêu cầu bổ sung hồ sơ',
    field: 'Nội dung yêu cầu bổ sung',
    help: 'Nêu rõ giấy tờ cần bổ sung hoặc nội dung cần sửa; công dân nhận được nội dung này qua SMS và thư điện tử.',
    ok: 'Gửi yêu cầu bổ sung',
    done: 'Đã gửi yêu cầu bổ sung cho hồ sơ',
  },
  refuse: {
    title: 'Từ chối tiếp nhận hồ sơ',
    field: 'Lý do từ chối',
    help: 'Công dân nhận được lý do này qua SMS và thư điện tử. Hồ sơ bị từ chối không thể tiếp nhận lại.',
    ok: 'Từ chối tiếp nhận',
    done: 'Đã từ chối tiếp nhận hồ sơ',
  },
} as const;

export function ReasonDialog(props: { open: boolean; dossier: OfficerDossierDetail; kind: keyof typeof REASON_DIALOGS; onClose: () => void; onDone: (r: DossierResult) => void }) {
  const { modal } = App.useApp();
  const cfg = REASON_DIALOGS[props.kind];
  const [form] = Form.useForm<{ reason: string }>();
  const supplement = useApiMutation(requestSupplement, { invalidates: DOSSIER_READS });
  const refuse = useApiMutation(refuseDossier, { invalidates: DOSSIER_READS });
  const decide = props.kind === 'supplement' ? supplement : refuse;
  const refresh = useDossierRefresh();

  const send = async (reason: string) => {
    try {
      const r = await decide.mutateAsync({ params: { id: props.dossier.id }, body: { reason } });
      form.resetFields();
      props.onDone(r);
    } catch {
      // Shown from the mutation's state; the dossier may have changed meanwhile.
      refresh(props.dossier.id);
    }
  };

  const submit = ({ reason }: { reason: string }) => {
    const text = reason.trim();
    if (props.kind === 'refuse') {
      modal.confirm({
        title: `Từ chối tiếp nhận hồ sơ ${props.dossier.code}?`,
        content: 'Hồ sơ chuyển sang trạng thái "Không được tiếp nhận"; thao tác này không hoàn tác được.',
        okText: 'Xác nhận từ chối',
        okButtonProps: { danger: true },
        cancelText: 'Quay lại',
        onOk: () => send(text),
      });
    } else void send(text);
  };

  return (
    <Modal
      title={cfg.title}
      open={props.open}
      onCancel={() => {
        decide.reset();
        props.onClose();
      }}
      okText={cfg.ok}
      okButtonProps={{ danger: props.kind === 'refuse' }}
      cancelText="Hủy"
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Hồ sơ <Typography.Text strong>{props.dossier.code}</Typography.Text> – {props.dossier.procedureName} – {props.dossier.applicant.fullName}
      </Typography.Paragraph>
      {decide.error && <Alert role="alert" type="error" showIcon title={errorMessage(decide.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} name={`dossier-${props.kind}`} layout="vertical" onFinish={submit}>
        <Form.Item
          label={cfg.field}
          name="reason"
          extra={cfg.help}
          rules={[
            { required: true, whitespace: true, message: `Nhập ${cfg.field.toLowerCase()}.` },
            { validator: (_, v: string) => (!v || v.trim().length >= 5 ? Promise.resolve() : Promise.reject(new Error('Nhập ít nhất 5 ký tự.'))) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
