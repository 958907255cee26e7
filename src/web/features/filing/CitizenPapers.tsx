// The citizen's "Thành phần hồ sơ" (online filing, supplementing a dossier in Hồ sơ của tôi): per
// document, upload a paper or take one from Kho dữ liệu.
import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { uploadMyPaper } from '../../../common/api/dossiers';
import type { Paper, ProcedureDocument } from '../../components/dossier/dossier-types';
import { PaperList, usePaperEditing } from '../../components/dossier/PaperList';
import { StorePicker } from './StorePicker';

export function PapersEditor({
  documents,
  papers,
  onChange,
  missing = [],
  readOnly,
}: {
  documents: ProcedureDocument[];
  papers: Paper[];
  onChange?: (p: Paper[]) => void;
  missing?: number[];
  readOnly?: boolean;
}) {
  const { message } = App.useApp();
  const [storeFor, setStoreFor] = useState<ProcedureDocument | null>(null);
  const editing = usePaperEditing<Paper>({
    files: papers,
    onChange,
    endpoint: uploadMyPaper.url,
    toFile: (position, r) => ({ position, fileId: r.id, source: 'upload', fileName: r.fileName, size: r.size, type: r.type }),
  });

  return (
    <>
      <PaperList
        documents={documents}
        files={papers}
        editing={editing}
        readOnly={readOnly}
        uploadLabel="Tải lên"
        uploadIcon={<UploadOutlined />}
        showTemplate
        itemProps={(doc) =>
          missing.includes(doc.position)
            ? { className: 'paper-missing', style: { background: '#fff2f0', borderLeft: '3px solid #ff4d4f', paddingLeft: 12 } }
            : {}
        }
        actions={(doc) => (
          <>
            <Button icon={<FolderOpenOutlined />} onClick={() => setStoreFor(doc)}>
              Chọn từ Kho dữ liệu
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              PDF, JPG hoặc PNG, tối đa 10 MB
            </Typography.Text>
          </>
        )}
        notes={(doc) =>
          missing.includes(doc.position) && (
            <Typography.Text type="danger" role="alert">
              Chưa đính kèm bản điện tử của giấy tờ bắt buộc này.
            </Typography.Text>
          )
        }
      />
      {storeFor && (
        <StorePicker
          doc={storeFor}
          attached={papers.filter((p) => p.position === storeFor.position).map((p) => p.fileId)}
          onClose={() => setStoreFor(null)}
          onPick={(item) => {
            editing.add({ position: storeFor.position, fileId: item.fileId, source: 'store', fileName: item.fileName, size: item.size, type: item.type });
            message.success(`Đã đính kèm "${item.title}".`);
            setStoreFor(null);
          }}
        />
      )}
    </>
  );
}
