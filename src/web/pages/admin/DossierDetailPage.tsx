// "Chi tiết hồ sơ" for the one-stop desk (issue 6): the dossier as filed (read-only e-form with
// where each value came from, the papers, the history) and, while it waits in the reception queue
// (status 1 Mới đăng ký), the three decisions: receive, ask for supplementation, refuse. Once
// received (issue 7): the workflow, its deadlines and the processing actions of the officer's role.
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Popconfirm, Space, Spin, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { CHANNEL_LABELS, DOSSIER_STATUS, type Channel } from '../../../common/dossier-status';
import { ACTION_LABELS } from '../../../common/workflow';
import type { EForm, FormValues, ProvenanceMap } from '../../../common/eform';
import { api, errorMessage } from '../../api';
import type { DossierDetail, DossierResult } from '../../components/dossier/dossier-types';
import { receiptUrl } from '../../components/dossier/dossier-utils';
import { FormValuesTable } from '../../components/dossier/FormValuesTable';
import { StatusTag } from '../../components/dossier/StatusTag';
import { WorkProcessing, type WorkDetailFields } from '../../components/dossier/WorkProcessing';
import { formatBytes, formatDate, formatDateTime } from '../../format';

// ---------------------------------------------------------------------------------------------
// Payloads (src/server/modules/dossiers/service.ts)

/** The desk sees the processing time and how long the submission took as well. */
export interface OfficerDossierDetail extends DossierDetail, Omit<WorkDetailFields, keyof DossierDetail> {
  processingDays: number;
  submitSeconds: number | null;
}

// ---------------------------------------------------------------------------------------------
// Shared bits of the desk screens

export function channelLabel(c: number): string {
  return CHANNEL_LABELS[c as Channel] ?? String(c);
}

const EVENT_LABELS: Record<string, string> = {
  submitted: 'Nộp hồ sơ trực tuyến',
  received_in_person: 'Tiếp nhận hồ sơ trực tiếp',
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung giấy tờ',
  refused: 'Từ chối tiếp nhận',
  supplemented: 'Công dân bổ sung hồ sơ',
};

const EVENT_COLOR: Record<number, string> = { 2: 'green', 3: 'red', 5: 'orange', 6: 'gold', 7: 'gray', 8: 'red', 10: 'green' };

/** What the dossier's status reason is, by status. */
const STATUS_REASON_TITLES: Record<number, string> = {
  [DOSSIER_STATUS.REFUSED]: 'Lý do từ chối tiếp nhận',
  [DOSSIER_STATUS.SUPPLEMENT_REQUESTED]: 'Nội dung yêu cầu bổ sung',
  [DOSSIER_STATUS.FINANCIAL_OBLIGATION]: 'Nội dung thu phí, lệ phí',
  [DOSSIER_STATUS.STOPPED]: 'Lý do dừng xử lý',
  [DOSSIER_STATUS.WITHDRAWAL_REQUESTED]: 'Lý do rút hồ sơ',
};

const SOURCE_LABELS: Record<string, string> = { upload: 'Công dân tải lên', scan: 'Bản quét tại Bộ phận Một cửa', store: 'Từ Kho dữ liệu' };

const QUEUE = '/quan-tri/ho-so-cho-tiep-nhan';

// ---------------------------------------------------------------------------------------------

export function DossierDetailPage() {
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [d, setD] = useState<OfficerDossierDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'supplement' | 'refuse' | null>(null);
  const [receiving, setReceiving] = useState(false);
  /** The list (with its filters) the officer came from. */
  const back = (location.state as { from?: string } | null)?.from ?? QUEUE;

  const load = useCallback(() => {
    if (!id) return;
    api.get<OfficerDossierDetail>(`/api/desk/dossiers/${id}`).then(
      (x) => {
        setD(x);
        setError(null);
      },
      (e) => setError(errorMessage(e)),
    );
  }, [id]);
  useEffect(load, [load]);

  const decided = (r: DossierResult, text: string) => {
    message.success(`${text} ${r.code}.`);
    setDialog(null);
    load();
  };

  const receive = async () => {
    setReceiving(true);
    try {
      decided(await api.post<DossierResult>(`/api/desk/dossiers/${id}/receive`, {}), 'Đã tiếp nhận hồ sơ');
    } catch (e) {
      message.error(errorMessage(e));
      load();
    } finally {
      setReceiving(false);
    }
  };

  if (error && !d) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert role="alert" type="error" showIcon title={error} />
        <Button onClick={() => navigate(back)}>Về danh sách</Button>
      </Space>
    );
  }
  if (!d) return <Spin />;
  const waiting = d.status === DOSSIER_STATUS.NEW;
  /** The "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" exists once the dossier is received. */
  const hasReceipt = d.receivedAt !== null;
  /** Received dossiers go through the procedure's workflow (issue 7). */
  const inWorkflow = d.receivedAt !== null && d.status !== DOSSIER_STATUS.NEW && d.status !== DOSSIER_STATUS.REFUSED;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            Hồ sơ {d.code}
          </Typography.Title>
          <StatusTag status={d.status} label={d.statusLabel} audience="officer" />
        </Space>
        <Space wrap>
          <Button onClick={() => navigate(back)}>Về danh sách</Button>
          {hasReceipt && (
            <Button href={receiptUrl(d.id)} target="_blank" rel="noopener">
              In giấy tiếp nhận
            </Button>
          )}
          {d.extendedDate && (
            <Button href={`/api/dossiers/${d.id}/apology.pdf`} target="_blank" rel="noopener">
              Phiếu xin lỗi và hẹn lại
            </Button>
          )}
          {d.hasResult && (
            <Button type="primary" ghost href={`/api/dossiers/${d.id}/result.pdf`} target="_blank" rel="noopener">
              Tải kết quả (đã ký số)
            </Button>
          )}
        </Space>
      </Space>

      {waiting && (
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
              onConfirm={receive}
            >
              <Button type="primary" loading={receiving}>
                Tiếp nhận
              </Button>
            </Popconfirm>
            <Button onClick={() => setDialog('supplement')}>Yêu cầu bổ sung</Button>
            <Button danger onClick={() => setDialog('refuse')}>
              Từ chối tiếp nhận
            </Button>
          </Space>
        </Card>
      )}
      {inWorkflow && (
        <Card size="small" title="Xử lý hồ sơ">
          <WorkProcessing d={d} onChanged={load} />
        </Card>
      )}
      {d.statusReason && STATUS_REASON_TITLES[d.status] && (
        <Alert
          type={d.status === DOSSIER_STATUS.REFUSED || d.status === DOSSIER_STATUS.STOPPED ? 'error' : 'warning'}
          showIcon
          title={STATUS_REASON_TITLES[d.status]}
          description={d.statusReason}
        />
      )}

      <Card size="small" title="Thông tin hồ sơ">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Mã hồ sơ">{d.code}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">{d.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="Thủ tục" span={2}>
            {d.procedureCode} – {d.procedureName}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan tiếp nhận">{d.agency?.name ?? ''}</Descriptions.Item>
          <Descriptions.Item label="Kênh nộp">{channelLabel(d.channel)}</Descriptions.Item>
          <Descriptions.Item label="Người nộp">{d.applicant.fullName}</Descriptions.Item>
          <Descriptions.Item label="CMND/CCCD">{d.applicant.idNumber ?? ''}</Descriptions.Item>
          <Descriptions.Item label="Ngày nộp">{formatDateTime(d.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="Hẹn trả kết quả">{formatDate(d.appointmentDate)}</Descriptions.Item>
          <Descriptions.Item label="Ngày tiếp nhận">{d.receivedAt ? formatDateTime(d.receivedAt) : 'Chưa tiếp nhận'}</Descriptions.Item>
          <Descriptions.Item label="Cán bộ tiếp nhận">{d.receivedByName ?? ''}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={d.form?.title ?? 'Tờ khai'}>
        <ReadOnlyForm form={d.form} values={d.formData} provenance={d.provenance} />
      </Card>

      <Card size="small" title="Thành phần hồ sơ">
        <Papers d={d} />
      </Card>

      <Card size="small" title="Quá trình xử lý">
        <Timeline
          items={d.events.map((e) => ({
            color: EVENT_COLOR[e.toStatus] ?? 'blue',
            content: (
              <div>
                <Typography.Text strong>{EVENT_LABELS[e.action] ?? ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? e.action}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  – {formatDateTime(e.at)}
                  {e.actorName ? ` – ${e.actorName}` : ''}
                </Typography.Text>
                <div>Trạng thái: {e.toStatusLabel}</div>
                {e.reason && <div>Nội dung: {e.reason}</div>}
              </div>
            ),
          }))}
        />
      </Card>

      {waiting && (
        <>
          {(['supplement', 'refuse'] as const).map((kind) => (
            <ReasonDialog
              key={kind}
              open={dialog === kind}
              dossier={d}
              kind={kind}
              onClose={() => setDialog(null)}
              onDone={(r) => decided(r, DIALOGS[kind].done)}
              onConflict={load}
            />
          ))}
        </>
      )}
    </Space>
  );
}

/** The e-form as filed: each section's values, with the source of every prefilled one. */
export function ReadOnlyForm({ form, values, provenance }: { form: EForm | null; values: FormValues; provenance: ProvenanceMap }) {
  if (!form) {
    if (!Object.keys(values).length) return <Empty description="Không có tờ khai" />;
    return <FormValuesTable values={values} />;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {form.layout.map((section) => (
        <Descriptions
          key={section.title}
          title={section.title}
          column={{ xs: 1, md: 2 }}
          size="small"
          bordered
          styles={{ label: { width: 190 } }}
          items={section.fields.map((f) => {
            const p = provenance[f.name];
            const v = values[f.name];
            return {
              key: f.name,
              label: f.label,
              span: f.span === 2 ? 2 : 1,
              children: (
                <Space size={4} wrap>
                  <span>{v ? (f.widget === 'date' ? formatDate(v) : v) : <Typography.Text type="secondary">(không có)</Typography.Text>}</span>
                  {p && v && (
                    <Tooltip title={p.locked ? 'Thông tin đã xác thực, công dân không sửa được' : 'Công dân có thể sửa'}>
                      <Tag color={p.locked ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                        {p.label}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            };
          })}
        />
      ))}
    </Space>
  );
}

function Papers({ d }: { d: DossierDetail }) {
  type Row = { position: number; name: string; quantity: string; required: boolean; files: DossierDetail['documents'] };
  const byPosition = new Map<number, DossierDetail['documents']>();
  for (const p of d.documents) byPosition.set(p.position, [...(byPosition.get(p.position) ?? []), p]);
  const rows: Row[] = d.requiredDocuments.length
    ? d.requiredDocuments.map((r) => ({ position: r.position, name: r.name, quantity: r.quantity, required: r.required, files: byPosition.get(r.position) ?? [] }))
    : [...byPosition.entries()].map(([position, files]) => ({ position, name: files[0]!.name, quantity: '', required: false, files }));
  const columns: TableColumnsType<Row> = [
    { title: 'STT', dataIndex: 'position', width: 56 },
    {
      title: 'Tên giấy tờ',
      dataIndex: 'name',
      render: (name: string, r) => (
        <span>
          {name} {r.required && <Tag color="red">Bắt buộc</Tag>}
        </span>
      ),
    },
    { title: 'Số lượng', dataIndex: 'quantity', width: 120 },
    {
      title: 'Tệp đính kèm',
      key: 'files',
      render: (_v, r) =>
        r.files.length ? (
          <Space orientation="vertical" size={2}>
            {r.files.map((f) => (
              <span key={f.fileId}>
                <a href={`/api/papers/${f.fileId}`} target="_blank" rel="noopener">
                  {f.fileName || 'Tệp đính kèm'}
                </a>{' '}
                <Typography.Text type="secondary">
                  ({formatBytes(f.size)} – {SOURCE_LABELS[f.source] ?? f.source})
                </Typography.Text>
              </span>
            ))}
          </Space>
        ) : (
          <Typography.Text type={r.required ? 'danger' : 'secondary'}>Chưa có tệp</Typography.Text>
        ),
    },
  ];
  return <Table<Row> rowKey="position" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 700 }} />;
}

const DIALOGS = {
  supplement: {
    title: 'Yêu cầu bổ sung hồ sơ',
    field: 'Nội dung yêu cầu bổ sung',
    help: 'Nêu rõ giấy tờ cần bổ sung hoặc nội dung cần sửa; công dân nhận được nội dung này qua SMS và thư điện tử.',
    ok: 'Gửi yêu cầu bổ sung',
    path: 'request-supplement',
    done: 'Đã gửi yêu cầu bổ sung cho hồ sơ',
  },
  refuse: {
    title: 'Từ chối tiếp nhận hồ sơ',
    field: 'Lý do từ chối',
    help: 'Công dân nhận được lý do này qua SMS và thư điện tử. Hồ sơ bị từ chối không thể tiếp nhận lại.',
    ok: 'Từ chối tiếp nhận',
    path: 'refuse',
    done: 'Đã từ chối tiếp nhận hồ sơ',
  },
} as const;

function ReasonDialog(props: {
  open: boolean;
  dossier: OfficerDossierDetail;
  kind: 'supplement' | 'refuse';
  onClose: () => void;
  onDone: (r: DossierResult) => void;
  onConflict: () => void;
}) {
  const { modal } = App.useApp();
  const cfg = DIALOGS[props.kind];
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (reason: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<DossierResult>(`/api/desk/dossiers/${props.dossier.id}/${cfg.path}`, { reason });
      form.resetFields();
      props.onDone(r);
    } catch (e) {
      setError(errorMessage(e));
      props.onConflict();
    } finally {
      setBusy(false);
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
        setError(null);
        props.onClose();
      }}
      okText={cfg.ok}
      okButtonProps={{ danger: props.kind === 'refuse' }}
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Hồ sơ <Typography.Text strong>{props.dossier.code}</Typography.Text> – {props.dossier.procedureName} – {props.dossier.applicant.fullName}
      </Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
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

export function DossierLink({ id, code, from }: { id: string; code: string; from?: string }) {
  return (
    <Link to={`/quan-tri/ho-so/${id}`} state={from ? { from } : undefined}>
      {code}
    </Link>
  );
}
