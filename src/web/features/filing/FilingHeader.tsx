// The top of the filing page: back to the procedure, its name, code and processing time.
import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { processingText } from '../../components/dossier/dossier-utils';
import type { FilingStart } from './useFilingStart';

export function FilingHeader({ procedure: p }: { procedure: FilingStart['procedure'] }) {
  return (
    <>
      <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>← Thông tin thủ tục</Link>
      <div>
        <Typography.Text type="secondary">Nộp hồ sơ trực tuyến</Typography.Text>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
      </div>
      <Descriptions bordered column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="Mã thủ tục">{p.code}</Descriptions.Item>
        <Descriptions.Item label="Thời hạn giải quyết">{processingText(p.processingDays)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
