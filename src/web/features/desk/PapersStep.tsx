// Step 4 of desk reception: every paper the citizen hands in, scanned or uploaded at the desk, how
// the citizen receives the result (issue 15; in person unless they choose otherwise), then
// reception itself (status 2 Được tiếp nhận). A form problem found by the server sends the officer
// back to the e-form with the fields marked.
import { ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import type { BodyOf } from '../../../common/api/contract';
import { deskReceive, deskUploadPaper, listQueue, unitStatistics, workList } from '../../../common/api/dossiers-desk';
import { ApiError, errorMessage } from '../../api';
import type { DossierResult } from '../../components/dossier/dossier-types';
import { DeliveryFields, deliveryBody, deliveryInitial, showDeliveryRefusal, type DeliveryValues } from '../../components/dossier/DeliveryFields';
import { PaperList, usePaperEditing } from '../../components/dossier/PaperList';
import { useApiMutation } from '../../data/hooks';
import type { DeskStart, Scan } from './desk-types';

type FieldProblem = { field: string; message: string };

const isFormProblem = (err: unknown) => err instanceof ApiError && (err.code === 'FORM_INVALID' || err.code === 'FORM_LOCKED_FIELD_CHANGED');

export function PapersStep(props: {
  start: DeskStart;
  scans: Scan[];
  onScans: (s: Scan[]) => void;
  onBack: () => void;
  onFormProblem: () => void;
  onFieldErrors: (problems: FieldProblem[]) => void;
  /** What is sent: read when the officer presses "Tiếp nhận hồ sơ". */
  body: () => BodyOf<typeof deskReceive>;
  onReceived: (r: DossierResult) => void;
}) {
  const { start, scans } = props;
  const documents = start.procedure.documents;
  // The dossier lands in the unit's lists and figures.
  const receive = useApiMutation(deskReceive, { invalidates: [listQueue, workList, unitStatistics] });
  const editing = usePaperEditing<Scan>({
    files: scans,
    onChange: props.onScans,
    endpoint: deskUploadPaper.url,
    checkName: true,
    toFile: (position, r) => ({ position, fileId: r.id, fileName: r.fileName, size: r.size }),
  });

  const missing = documents.filter((d) => d.required && !scans.some((s) => s.position === d.position));
  const [deliveryForm] = Form.useForm<DeliveryValues>();

  const submit = async () => {
    try {
      await deliveryForm.validateFields();
    } catch {
      return;
    }
    try {
      const delivery = deliveryBody(deliveryForm.getFieldsValue(true) as DeliveryValues);
      props.onReceived(await receive.mutateAsync({ params: { code: start.procedure.code }, body: { ...props.body(), delivery } }));
    } catch (err) {
      if (showDeliveryRefusal(deliveryForm, err)) return;
      if (err instanceof ApiError && err.code === 'FORM_INVALID') {
        props.onFieldErrors(((err.details?.problems ?? []) as FieldProblem[]).filter((p) => typeof p.field === 'string'));
      }
    }
  };

  return (
    <Card size="small" title="Thành phần hồ sơ">
      <Typography.Paragraph type="secondary">
        Quét hoặc tải lên bản điện tử của từng giấy tờ công dân nộp (PDF, JPG hoặc PNG, tối đa 10 MB mỗi tệp). Phải số hóa đủ các giấy tờ bắt buộc mới tiếp nhận được hồ sơ.
      </Typography.Paragraph>
      <PaperList
        documents={documents}
        files={scans}
        editing={editing}
        uploadLabel="Quét/Tải lên"
        uploadIcon={<ScanOutlined />}
        fileGap={6}
        actions={(doc, mine) => doc.required && mine.length === 0 && <Typography.Text type="warning">Chưa số hóa</Typography.Text>}
      />
      <Card size="small" type="inner" title="Hình thức nhận kết quả" style={{ marginTop: 16 }}>
        <DeliveryFields form={deliveryForm} name="desk-delivery" initialValues={deliveryInitial(start.deliveryPrefill, 'in_person')} />
      </Card>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        {missing.length > 0 && <Alert type="warning" showIcon title={`Chưa số hóa: ${missing.map((d) => d.name).join('; ')}`} />}
        {receive.error && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={errorMessage(receive.error)}
            action={
              isFormProblem(receive.error) ? (
                <Button size="small" onClick={props.onFormProblem}>
                  Sửa tờ khai
                </Button>
              ) : undefined
            }
          />
        )}
        <Space>
          <Button onClick={props.onBack}>Quay lại</Button>
          <Button type="primary" size="large" disabled={missing.length > 0 || editing.uploading !== null} loading={receive.isPending} onClick={() => void submit()}>
            Tiếp nhận hồ sơ
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
