// "Tạo tài khoản công dân" (SPEC §1.2–1.4): look-up and data entry, the citizen's confirmation
// (request form + OTP), then account creation with the latest OTP. The steps are in
// src/web/features/citizen-accounts.
import { Alert, Card, Space, Spin, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { getAccountFormContext, getAccountRequest } from '../../../common/api/citizen-accounts';
import { useApiQuery } from '../../data/hooks';
import { AccountInfoStep } from '../../features/citizen-accounts/AccountInfoStep';
import { ConfirmStep } from '../../features/citizen-accounts/ConfirmStep';
import { errorText } from '../../features/citizen-accounts/errorText';
import { FinishedCard } from '../../features/citizen-accounts/FinishedCard';
import { useKeepDetail } from '../../features/citizen-accounts/useKeepDetail';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

const LIST = '/quan-tri/tao-tai-khoan-cong-dan';

export function CitizenAccountWizardPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const keep = useKeepDetail();
  const ctxQuery = useApiQuery(getAccountFormContext, {});
  const detailQuery = useApiQuery(getAccountRequest, { params: { id: id ?? '' } }, { enabled: !!id });
  const ctx = ctxQuery.data ?? null;
  const detail = id ? (detailQuery.data ?? null) : null;
  const [editing, setEditing] = useState(!id);
  const failed = ctxQuery.error ?? (id ? detailQuery.error : null);
  const loadError = failed ? errorText(failed) : null;
  /** Show the success screen only right after finishing, not when an old request is opened. */
  const [justFinished, setJustFinished] = useState(false);

  // A request opens on its summary; "Thêm mới" opens the empty form.
  useEffect(() => {
    setEditing(!id);
    setJustFinished(false);
  }, [id]);
  const showForm = !id || editing;

  if (loadError) return <Alert role="alert" type="error" showIcon title={loadError} />;
  if (!ctx || (id && !detail)) return <Spin />;

  const step = detail?.status === 'completed' ? 3 : showForm ? 0 : detail?.otp ? 2 : 1;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Tạo tài khoản công dân
      </PageHeading>
      <Card size="small">
        <Steps
          current={step}
          items={[{ title: 'Nhập thông tin tài khoản' }, { title: 'Xác nhận của công dân về thông tin tài khoản' }, { title: 'Đăng ký tài khoản' }]}
        />
      </Card>
      {detail && detail.status !== 'draft' ? (
        <FinishedCard detail={detail} fresh={justFinished} onAnother={() => navigate(`${LIST}/them-moi`)} onList={() => navigate(LIST)} />
      ) : showForm ? (
        <AccountInfoStep
          ctx={ctx}
          draft={detail}
          onSaved={(d) => {
            keep(d);
            setEditing(false);
            if (d.id !== id) navigate(`${LIST}/${d.id}`, { replace: true });
          }}
          onCancelled={(d) => (d ? keep(d) : navigate(LIST))}
        />
      ) : (
        <ConfirmStep
          detail={detail!}
          onChange={(d) => {
            if (d.status !== 'draft') setJustFinished(true);
            keep(d);
          }}
          onEdit={() => setEditing(true)}
        />
      )}
    </Space>
  );
}
