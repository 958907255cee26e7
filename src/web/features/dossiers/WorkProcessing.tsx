// Processing of a received dossier in the back office (issue 7): the workflow as steps with the
// current one highlighted, deadlines, fee, on-time verdict, and one button per action the officer
// may take now (the server decides which: GET /api/desk/dossiers/:id → actions).
import { App, Button, Descriptions, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { EyeOutlined } from '@ant-design/icons';
import { actOnDossier, resultPreviewPdf } from '../../../common/api/dossiers-desk';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { ACTION_LABELS, type DossierAction } from '../../../common/workflow';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { formatDate, formatDateTime } from '../../format';
import { DOSSIER_READS } from './dossier-reads';
import type { OfficerDossierDetail } from './useDeskDossier';
import { useDossierRefresh } from './useDossierRefresh';
import { actionParam, workButton } from './work-actions';
import { WorkActionDialog } from './WorkActionDialog';

/** The actions done on a confirmation alone, and what the confirmation asks. */
const SIMPLE: Partial<Record<DossierAction, string>> = {
  start: 'Chuyển hồ sơ sang bước xử lý đầu tiên?',
  forward: 'Hoàn thành bước này và chuyển hồ sơ sang bước tiếp theo?',
  finish: 'Phê duyệt hồ sơ và ký số kết quả?',
  paid: 'Xác nhận công dân đã nộp đủ phí, lệ phí?',
  return_result: 'Trả kết quả cho công dân? Công dân được thông báo và tải được kết quả điện tử.',
};

const PRIMARY = new Set<DossierAction>(['start', 'forward', 'finish', 'return_result']);

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/** Index of the current step in Tiếp nhận → workflow steps → Trả kết quả. */
function currentIndex(d: OfficerDossierDetail): number {
  const n = d.workflow.length;
  if (d.status === DOSSIER_STATUS.RECEIVED) return 0;
  if (d.status === DOSSIER_STATUS.PROCESSED || d.status === DOSSIER_STATUS.RESULT_RETURNED) return n + 1;
  const i = d.workflow.findIndex((s) => s.key === d.step);
  return i >= 0 ? i + 1 : 0;
}

export function WorkProcessing({ d }: { d: OfficerDossierDetail }) {
  const { message } = App.useApp();
  const act = useApiMutation(actOnDossier, { invalidates: DOSSIER_READS });
  const refresh = useDossierRefresh();
  const [dialog, setDialog] = useState<DossierAction | null>(null);
  const busy: DossierAction | null = act.isPending ? act.variables.params.action : null;
  const current = currentIndex(d);
  const ended = d.status === DOSSIER_STATUS.STOPPED || d.status === DOSSIER_STATUS.WITHDRAWAL_REQUESTED;
  const returned = d.status === DOSSIER_STATUS.RESULT_RETURNED;
  const step = d.workflow.find((s) => s.key === d.step) ?? null;

  const done = (a: DossierAction, r: Reply<typeof actOnDossier>) => {
    message.success(`${ACTION_LABELS[a]}: hồ sơ ${r.code} – ${r.statusLabel}.`);
    setDialog(null);
  };

  const simple = async (a: DossierAction) => {
    try {
      done(a, await act.mutateAsync({ params: { id: d.id, action: actionParam(a) }, body: {} }));
    } catch (e) {
      message.error(errorMessage(e));
      refresh(d.id);
    }
  };

  const items = [
    { title: 'Tiếp nhận', content: 'Bộ phận Một cửa' },
    ...d.workflow.map((s, i) => ({
      title: s.label,
      content: (
        <>
          <div>{s.role}</div>
          {current === i + 1 && d.stepDueDate && !ended && <div>Hạn bước: {formatDate(d.stepDueDate)}</div>}
        </>
      ),
    })),
    { title: 'Trả kết quả', content: returned && d.returnedAt ? formatDateTime(d.returnedAt).slice(0, 10) : 'Bộ phận Một cửa' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Steps size="small" current={current} status={ended ? 'error' : returned ? 'finish' : 'process'} items={items} aria-label="Quy trình xử lý" />
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label="Bước hiện tại">
          {step ? `${step.label} (${step.role})` : d.status === DOSSIER_STATUS.RECEIVED ? 'Chờ chuyển xử lý' : d.status === DOSSIER_STATUS.PROCESSED ? 'Chờ trả kết quả' : returned ? 'Đã trả kết quả' : '—'}
          {d.paused && (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              Tạm dừng tính thời gian
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Hạn bước">{d.stepDueDate && !ended && !returned ? formatDate(d.stepDueDate) : '—'}</Descriptions.Item>
        <Descriptions.Item label="Hẹn trả kết quả">{formatDate(d.appointmentDate)}</Descriptions.Item>
        <Descriptions.Item label="Gia hạn đến">{d.extendedDate ? <Typography.Text type="warning">{formatDate(d.extendedDate)}</Typography.Text> : 'Không gia hạn'}</Descriptions.Item>
        {d.finishedAt && (
          <Descriptions.Item label="Hoàn thành xử lý">
            {formatDateTime(d.finishedAt)}{' '}
            {d.onTime !== null && (
              <Tag color={d.onTime ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
                {d.onTime ? 'Đúng hạn' : 'Trễ hạn'}
              </Tag>
            )}
          </Descriptions.Item>
        )}
        {d.feeAmount !== null && (
          <Descriptions.Item label="Phí, lệ phí">
            {vnd(d.feeAmount)}{' '}
            <Tag color={d.feePaidAt ? 'green' : 'gold'} style={{ marginInlineStart: 8 }}>
              {d.feePaidAt ? 'Đã nộp' : 'Chưa nộp'}
            </Tag>
          </Descriptions.Item>
        )}
      </Descriptions>
      {d.actions.length > 0 ? (
        <Space wrap>
          {/* The leader reads what they are about to sign (an unsigned copy marked as a preview). */}
          {step?.signs === 'sign' && (d.actions.includes('forward') || d.actions.includes('finish')) && (
            <Button icon={<EyeOutlined />} href={resultPreviewPdf.url.replace(':id', d.id)} target="_blank" rel="noopener">
              Xem trước kết quả
            </Button>
          )}
          {d.actions.map((a) => {
            const text = workButton(a);
            const confirm = SIMPLE[a];
            if (confirm)
              return (
                <Popconfirm key={a} title={`${text}?`} description={confirm} okText="Xác nhận" cancelText="Không" onConfirm={() => simple(a)}>
                  <Button type={PRIMARY.has(a) ? 'primary' : 'default'} loading={busy === a}>
                    {text}
                  </Button>
                </Popconfirm>
              );
            return (
              <Button key={a} danger={a === 'stop'} onClick={() => setDialog(a)}>
                {text}
              </Button>
            );
          })}
        </Space>
      ) : (
        !ended &&
        !returned && <Typography.Text type="secondary">Bước hiện tại không thuộc vai trò của bạn; bạn chỉ xem được hồ sơ.</Typography.Text>
      )}
      {dialog && <WorkActionDialog d={d} action={dialog} onClose={() => setDialog(null)} onDone={(r) => done(dialog, r)} />}
    </Space>
  );
}
