// "Kho dữ liệu": the citizen's own papers (uploaded once, attached to any dossier) and the results
// of dossiers issued to them. The pieces are in src/web/features/data-store.
import { Alert, Space, Typography } from 'antd';
import { listStore } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { AddPaper } from '../../features/data-store/AddPaper';
import { StorePapers } from '../../features/data-store/StorePapers';
import { useCitizenGate } from '../../features/my-dossiers/useCitizenGate';
import { PageHeading } from '../../components/PageHeading';

export function DataStorePage() {
  const gate = useCitizenGate({ keepSearch: false });
  if (gate) return gate;
  return <DataStore />;
}

function DataStore() {
  const { data: items, error } = useApiQuery(listStore, {});
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <PageHeading style={{ margin: 0 }}>
          Kho dữ liệu
        </PageHeading>
        <Typography.Text type="secondary">
          Lưu bản điện tử giấy tờ của bạn một lần, đính kèm vào nhiều hồ sơ. Kết quả giải quyết thủ tục cũng được lưu tại đây.
        </Typography.Text>
      </div>
      <AddPaper />
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      <StorePapers items={items} loading={!items && !error} />
    </Space>
  );
}
