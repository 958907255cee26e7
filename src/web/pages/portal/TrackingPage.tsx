// "Tra cứu hồ sơ": anyone follows a dossier with its code and the last four digits of the phone
// number registered for it (GET /api/tracking). ?ma=<code> prefills the code. The pieces are in
// src/web/features/tracking.
import { Alert, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { trackDossier } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { TrackedDossier } from '../../features/tracking/TrackedDossier';
import { TrackingForm, type TrackingAsk } from '../../features/tracking/TrackingForm';
import { PageHeading } from '../../components/PageHeading';

export function TrackingPage() {
  const [params, setParams] = useSearchParams();
  // The look-up asked last; the phone's digits stay out of the address.
  const [asked, setAsked] = useState<TrackingAsk | null>(null);
  const { data, error, isFetching, refetch } = useApiQuery(trackDossier, { query: asked ?? undefined }, { enabled: asked !== null });

  const search = ({ code, phone }: TrackingAsk) => {
    const next = { code: code.trim(), phone: phone.trim() };
    // The same look-up again asks the server again (the dossier may have moved on).
    if (asked && asked.code === next.code && asked.phone === next.phone) void refetch();
    else setAsked(next);
    if (params.get('ma') !== next.code) setParams({ ma: next.code }, { replace: true });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <PageHeading style={{ margin: 0 }}>
          Tra cứu hồ sơ
        </PageHeading>
        <Typography.Text type="secondary">Nhập mã hồ sơ trên giấy tiếp nhận và 4 số cuối của số điện thoại đã đăng ký khi nộp hồ sơ.</Typography.Text>
      </div>
      <TrackingForm initialCode={params.get('ma') ?? ''} loading={isFetching} onSearch={search} />
      {/* While a look-up runs, neither the last answer nor the last error is shown. */}
      {error && !isFetching && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {data && !isFetching && <TrackedDossier result={data} />}
    </Space>
  );
}
