// The top of the filing page: back to the procedure, its name, code and processing time.
import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { processingText } from '../../components/dossier/dossier-utils';
import type { FilingStart } from './useFilingStart';
import { PageHeading } from '../../components/PageHeading';

export function FilingHeader({ procedure: p }: { procedure: FilingStart['procedure'] }) {
  return (
    <>
      <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>← Thông tin thủ tục</Link>
      <div>
        <Typography.Text type="secondary">Nộp hồ sơ trực tuyến</Typography.Text>
        <PageHeading title={`Nộp hồ sơ: ${p.name}`} style={{ margin: 0 }}>
          {p.name}
        </PageHeading>
      </div>
      <Descriptions bordered column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="Mã thủ tục">{p.code}</Descriptions.Item>
        <Descriptions.Item label="Thời hạn giải quyết">{processingText(p.processingDays)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
