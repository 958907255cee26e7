// "Nhập danh sách cán bộ" (SPEC §1.7): the lists of one-stop officers of the province and its
// communes and wards, uploaded as .xlsx, checked row by row before anything is written, then
// imported in one go (within 30 minutes of the upload). The parts live in features/officer-import.
import { Alert, Space, Spin } from 'antd';
import { ImportHistory } from '../../features/officer-import/ImportHistory';
import { ImportView } from '../../features/officer-import/ImportView';
import { UploadCard } from '../../features/officer-import/UploadCard';
import { useOfficerImport } from '../../features/officer-import/useOfficerImport';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

export function OfficerImportPage() {
  const imp = useOfficerImport();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Nhập danh sách cán bộ
      </PageHeading>
      <UploadCard busy={imp.busy} onFile={(file) => void imp.upload(file)} />
      {imp.busy && <Spin description="Đang kiểm tra danh sách…" />}
      {imp.error && <Alert role="alert" type="error" showIcon title={imp.error} />}
      {imp.detail && <ImportView key={imp.detail.id} detail={imp.detail} onConfirm={imp.confirm} onDiscard={imp.discard} onClose={imp.close} />}
      <ImportHistory page={imp.historyPage} onPage={imp.setHistoryPage} onOpen={imp.open} />
    </Space>
  );
}
