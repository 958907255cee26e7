// The template file (mẫu đơn, tờ khai) of one stored document: download, replace, remove.
import { App, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import type { Reply } from '../../../common/api/contract';
import { downloadAdminProcedureTemplate, removeProcedureTemplate, uploadProcedureTemplate, type getAdminProcedure } from '../../../common/api/procedures';
import { errorMessage } from '../../api';
import { urlOf } from '../../data/client';
import { useApiMutation } from '../../data/hooks';
import { formatBytes } from '../../format';
import { TEMPLATE_READS } from './catalogue';

type Template = Reply<typeof getAdminProcedure>['documents'][number]['template'];

export function DocumentTemplate(props: {
  procedureId: string;
  documentId: string;
  /** The document's place in the list, from 0 (for the buttons' accessible names). */
  index: number;
  template: Template;
  onChange: (t: Template) => void;
}) {
  const { message } = App.useApp();
  const { template, index: i } = props;
  const params = { id: props.procedureId, documentId: props.documentId };
  const upload = useApiMutation(uploadProcedureTemplate, { invalidates: TEMPLATE_READS });
  const remove = useApiMutation(removeProcedureTemplate, { invalidates: TEMPLATE_READS });

  const uploadFile = async (file: File) => {
    try {
      const body = new FormData();
      body.append('file', file);
      const t = await upload.mutateAsync({ params, body });
      props.onChange(t);
      message.success(`Đã tải lên mẫu "${t.fileName}".`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const removeFile = async () => {
    try {
      await remove.mutateAsync({ params });
      props.onChange(null);
      message.success('Đã gỡ mẫu.');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Space wrap>
      {template ? (
        <>
          <span>
            Mẫu: <a href={urlOf(downloadAdminProcedureTemplate, params)}>{template.fileName}</a> ({formatBytes(template.size)})
          </span>
          <Popconfirm title="Gỡ mẫu này?" okText="Gỡ mẫu" cancelText="Hủy bỏ" onConfirm={() => removeFile()}>
            <Button size="small">Gỡ mẫu</Button>
          </Popconfirm>
        </>
      ) : (
        <Typography.Text type="secondary">Chưa có file mẫu.</Typography.Text>
      )}
      <Upload
        accept=".pdf,.doc,.docx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void uploadFile(file);
          return false;
        }}
      >
        <Button size="small" aria-label={`Tải lên mẫu cho thành phần ${i + 1}`}>
          {template ? 'Thay mẫu' : 'Tải lên mẫu'}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        pdf, doc hoặc docx, tối đa 5 MB
      </Typography.Text>
    </Space>
  );
}
