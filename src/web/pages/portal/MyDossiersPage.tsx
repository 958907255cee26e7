// "Hồ sơ của tôi": the citizen's dossiers, one dossier with its receipt, form, papers and history,
// and — when the receiving agency asked for it — supplementing the dossier.
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { CHANNEL_LABELS, DOSSIER_STATUS, type Channel } from '../../../common/dossier-status';
import { ACTION_LABELS } from '../../../common/workflow';
import { api, ApiError, errorMessage } from '../../api';
import { PapersEditor } from '../../components/dossier/CitizenPapers';
import type { DossierDetail, DossierEvent, Paper } from '../../components/dossier/dossier-types';
import { formDataOf, missingPositions, receiptUrl } from '../../components/dossier/dossier-utils';
import { FormValuesTable } from '../../components/dossier/FormValuesTable';
import { PortalAppointment, PortalRating, PortalResult, PortalWithdraw, type PortalProcessing } from '../../components/dossier/PortalDossierProcessing';
import { StatusTag } from '../../components/dossier/StatusTag';
import { SuccessCard } from '../../components/dossier/SuccessCard';
import { EFormFields } from '../../components/EFormFields';
import { useUrlPagination } from '../../components/url-pagination';
import { formatDate, formatDateTime } from '../../format';
import { useSession } from '../../session';

interface DossierListItem {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  status: number;
  statusLabel: string;
  channel: number;
  submittedAt: string;
  appointmentDate: string | null;
  extendedDate?: string | null;
  agencyName: string;
}

const EVENT_LABELS: Record<string, string> = {
  submitted: 'Nộp hồ sơ trực tuyến',
  received_in_person: 'Tiếp nhận trực tiếp',
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung',
  refused: 'Từ chối tiếp nhận',
  supplemented: 'Bổ sung hồ sơ',
};
const eventLabel = (action: string) => EVENT_LABELS[action] ?? (ACTION_LABELS as Record<string, string>)[action] ?? action;

function useCitizenGate() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin />;
  if (!me || me.audience !== 'citizen') return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return null;
}

// ----------------------------------------------------------------------------------------------

export function MyDossiersPage() {
  const gate = useCitizenGate();
  if (gate) return gate;
  return <DossierList />;
}

function DossierList() {
  const { page, pageSize, pagination } = useUrlPagination(20);
  const [data, setData] = useState<{ items: DossierListItem[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<{ items: DossierListItem[]; total: number }>('/api/my/dossiers', { page, pageSize })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [page, pageSize]);
  const columns: TableColumnsType<DossierListItem> = [
    { title: 'Mã hồ sơ', dataIndex: 'code', width: 210, render: (v: string, r) => <Link to={`/ho-so-cua-toi/${r.id}`}>{v}</Link> },
    { title: 'Thủ tục', dataIndex: 'procedureName' },
    { title: 'Cơ quan tiếp nhận', dataIndex: 'agencyName', width: 180 },
    { title: 'Ngày nộp', dataIndex: 'submittedAt', width: 110, render: (v: string) => formatDateTime(v).slice(0, 10) },
    {
      title: 'Hẹn trả',
      dataIndex: 'appointmentDate',
      width: 110,
      // After an extension (gia hạn) the new date is the one the citizen can expect.
      render: (v: string | null, r: DossierListItem) => (r.extendedDate ? `${formatDate(r.extendedDate)} (gia hạn)` : v ? formatDate(v) : '—'),
    },
    { title: 'Trạng thái', dataIndex: 'statusLabel', width: 150, render: (v: string, r) => <StatusTag status={r.status} label={v} audience="citizen" /> },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Hồ sơ của tôi
        </Typography.Title>
        <Space wrap>
          <Link to="/tra-cuu-ho-so">Tra cứu hồ sơ</Link>
          <Link to="/thu-tuc">
            <Button type="primary">Nộp hồ sơ mới</Button>
          </Link>
        </Space>
      </Space>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Table<DossierListItem>
        rowKey="id"
        size="middle"
        loading={!data && !error}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0)}
        scroll={{ x: 860 }}
        locale={{
          emptyText: (
            <Empty
              description={
                <>
                  Bạn chưa nộp hồ sơ nào. <Link to="/thu-tuc">Tìm thủ tục hành chính để nộp hồ sơ trực tuyến</Link>
                </>
              }
            />
          ),
        }}
      />
    </Space>
  );
}

// ----------------------------------------------------------------------------------------------

export function MyDossierPage() {
  const gate = useCitizenGate();
  const { id = '' } = useParams();
  if (gate) return gate;
  return <DossierView key={id} id={id} />;
}

function DossierView({ id }: { id: string }) {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const isNew = params.get('moi') === '1';
  const [d, setD] = useState<(DossierDetail & Partial<PortalProcessing>) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [papers, setPapers] = useState<Paper[]>([]);
  const [missing, setMissing] = useState<number[]>([]);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    api
      .get<DossierDetail>(`/api/my/dossiers/${encodeURIComponent(id)}`)
      .then((r) => {
        setD(r);
        setPapers(r.documents);
        form.setFieldsValue(r.formData);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [id, form]);
  useEffect(() => load(), [load]);

  if (error) return <Alert role="alert" type="error" showIcon title={error} description={<Link to="/ho-so-cua-toi">Về danh sách hồ sơ của tôi</Link>} />;
  if (!d) return <Spin />;

  const receipt = receiptUrl(d.id);
  const canSupplement = d.status === DOSSIER_STATUS.SUPPLEMENT_REQUESTED;
  const documents = d.requiredDocuments.length
    ? d.requiredDocuments
    : [...new Map(d.documents.map((p) => [p.position, { position: p.position, name: p.name, quantity: '', required: false, templateName: null }])).values()];

  const startEditing = () => {
    form.setFieldsValue(d.formData);
    setPapers(d.documents);
    setMissing([]);
    setSendError(null);
    setEditing(true);
  };
  const cancelEditing = () => {
    form.resetFields();
    form.setFieldsValue(d.formData);
    setPapers(d.documents);
    setEditing(false);
  };
  const sendSupplement = async () => {
    setSendError(null);
    let valid = true;
    try {
      await form.validateFields();
    } catch {
      valid = false;
    }
    const lacking = missingPositions(d.requiredDocuments, papers);
    setMissing(lacking);
    if (!valid || lacking.length) {
      setSendError('Hồ sơ bổ sung chưa đầy đủ; hãy kiểm tra các mục được đánh dấu đỏ.');
      return;
    }
    setSending(true);
    try {
      await api.post(`/api/my/dossiers/${d.id}/supplement`, {
        formData: formDataOf(form.getFieldsValue(true)),
        documents: papers.map((p) => ({ position: p.position, fileId: p.fileId, source: p.source })),
      });
      message.success('Đã gửi bổ sung hồ sơ. Hồ sơ đang chờ cơ quan tiếp nhận lại.');
      setEditing(false);
      load();
    } catch (err) {
      setSendError(errorMessage(err));
      if (err instanceof ApiError && err.code === 'FORM_INVALID') {
        const problems = (err.details?.problems ?? []) as { field: string; message: string }[];
        form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
      }
      if (err instanceof ApiError && err.code === 'DOSSIER_DOCUMENT_MISSING') setMissing((err.details?.positions ?? []) as number[]);
    } finally {
      setSending(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/ho-so-cua-toi">← Hồ sơ của tôi</Link>
      {isNew && (
        <SuccessCard
          title="Nộp hồ sơ thành công"
          extra={[
            <Button key="receipt" type="primary" icon={<DownloadOutlined />} href={receipt} target="_blank">
              Tải giấy tiếp nhận
            </Button>,
            <Link key="list" to="/ho-so-cua-toi">
              <Button>Xem danh sách hồ sơ của tôi</Button>
            </Link>,
          ]}
        >
          <span>Mã hồ sơ của bạn</span>
          <Typography.Text strong copyable={{ text: d.code, tooltips: ['Sao chép mã hồ sơ', 'Đã sao chép'] }} style={{ fontSize: 26, color: '#0b5394' }} data-testid="dossier-code">
            {d.code}
          </Typography.Text>
          <span>
            Hồ sơ đã được gửi tới {d.agency?.name ?? 'cơ quan tiếp nhận'} và đang chờ tiếp nhận.
            {d.appointmentDate ? ` Ngày hẹn trả kết quả dự kiến: ${formatDate(d.appointmentDate)}.` : ''} Bạn sẽ nhận thông báo qua tin nhắn SMS và thư điện tử.
          </span>
        </SuccessCard>
      )}

      {isNew ? (
        <Typography.Title level={4} style={{ margin: 0 }}>
          Thông tin hồ sơ
        </Typography.Title>
      ) : (
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <div>
            <Typography.Text type="secondary">Hồ sơ</Typography.Text>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {d.code}
            </Typography.Title>
          </div>
          <Space wrap>
            {d.actions?.includes('withdraw') && <PortalWithdraw id={d.id} code={d.code} onWithdrawn={load} />}
            <Button icon={<DownloadOutlined />} href={receipt} target="_blank">
              Tải giấy tiếp nhận
            </Button>
          </Space>
        </Space>
      )}

      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="Mã hồ sơ">{d.code}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <StatusTag status={d.status} label={d.statusLabel} audience="citizen" />
        </Descriptions.Item>
        <Descriptions.Item label="Thủ tục" span={2}>
          {d.procedureName}
        </Descriptions.Item>
        <Descriptions.Item label="Cơ quan tiếp nhận" span={2}>
          {d.agency?.name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Ngày nộp">{formatDateTime(d.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="Hình thức nộp">{CHANNEL_LABELS[d.channel as Channel] ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Ngày tiếp nhận">{d.receivedAt ? formatDateTime(d.receivedAt) : 'Chưa tiếp nhận'}</Descriptions.Item>
        <Descriptions.Item label="Ngày hẹn trả kết quả">
          <PortalAppointment id={d.id} appointmentDate={d.appointmentDate} extendedDate={d.extendedDate ?? null} />
        </Descriptions.Item>
      </Descriptions>

      <PortalResult id={d.id} status={d.status} returnedAt={d.returnedAt ?? null} verifyToken={d.verifyToken ?? null} />
      <PortalRating id={d.id} status={d.status} rating={d.rating ?? null} onRated={load} />

      {canSupplement && !editing && (
        <Alert
          type="warning"
          showIcon
          title="Cơ quan tiếp nhận yêu cầu bổ sung hồ sơ"
          description={
            <Space orientation="vertical">
              <span>
                <strong>Nội dung yêu cầu bổ sung:</strong> {d.statusReason ?? '—'}
              </span>
              <Button type="primary" icon={<EditOutlined />} onClick={startEditing}>
                Bổ sung hồ sơ
              </Button>
            </Space>
          }
        />
      )}
      {editing && (
        <Alert
          type="info"
          showIcon
          title="Bổ sung hồ sơ"
          description={
            <>
              <div>
                <strong>Nội dung yêu cầu bổ sung:</strong> {d.statusReason ?? '—'}
              </div>
              <div>Sửa tờ khai và giấy tờ theo yêu cầu, rồi bấm “Gửi bổ sung” ở cuối trang.</div>
            </>
          }
        />
      )}

      <Card size="small" title={d.form?.title ?? 'Tờ khai'}>
        <Form form={form} name="dossier-form" layout="vertical">
          {d.form ? (
            <EFormFields form={d.form} provenance={d.provenance ?? {}} disabled={!editing} />
          ) : (
            <FormValuesTable values={d.formData} />
          )}
        </Form>
      </Card>

      <Card size="small" title="Thành phần hồ sơ">
        <PapersEditor documents={documents} papers={editing ? papers : d.documents} onChange={setPapers} missing={missing} readOnly={!editing} />
      </Card>

      {editing && (
        <Card size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {sendError && <Alert role="alert" type="error" showIcon title={sendError} />}
            <Space>
              <Button type="primary" size="large" loading={sending} onClick={() => void sendSupplement()}>
                Gửi bổ sung
              </Button>
              <Button size="large" onClick={cancelEditing} disabled={sending}>
                Hủy
              </Button>
            </Space>
          </Space>
        </Card>
      )}

      <Card size="small" title="Quá trình xử lý">
        <Table<DossierEvent>
          rowKey={(e) => `${e.at}-${e.action}`}
          size="small"
          pagination={false}
          dataSource={d.events}
          scroll={{ x: 640 }}
          columns={[
            { title: 'Thời gian', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
            { title: 'Nội dung', dataIndex: 'action', width: 170, render: (v: string) => eventLabel(v) },
            { title: 'Trạng thái', dataIndex: 'toStatusLabel', width: 170, render: (v: string, r) => <StatusTag status={r.toStatus} label={v} audience="citizen" /> },
            { title: 'Người thực hiện', dataIndex: 'actorName', width: 160, render: (v: string | null) => v ?? '—' },
            { title: 'Lý do, ghi chú', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
          ]}
        />
      </Card>
    </Space>
  );
}
