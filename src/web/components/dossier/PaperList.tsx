// "Thành phần hồ sơ" with upload: one named group per document the procedure asks for (its files,
// an upload button, what is wrong), used by online filing and Hồ sơ của tôi (citizen uploads and
// Kho dữ liệu) and by the one-stop desk (scans). The caller owns the list of files; the
// `usePaperEditing` hook uploads, adds and removes them.
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, List, Space, Tag, Typography, Upload } from 'antd';
import { useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Reply } from '../../../common/api/contract';
import type { uploadMyPaper } from '../../../common/api/dossiers';
import { api, errorMessage } from '../../api';
import { formatBytes } from '../../format';
import type { ProcedureDocument } from './dossier-types';
import { PAPER_ACCEPT, PAPER_MAX } from './dossier-utils';

/** A file attached to a document; `source: 'store'` when taken from Kho dữ liệu. */
export interface PaperFile {
  position: number;
  fileId: string;
  fileName: string;
  size: number;
  source?: string;
}

/** What /api/my/papers and /api/desk/papers answer. */
export type UploadedPaper = Reply<typeof uploadMyPaper>;

export interface PaperEditing<F extends PaperFile> {
  /** The position of the document whose file is being uploaded. */
  uploading: number | null;
  /** The last upload problem, by document position. */
  errors: Record<number, string>;
  upload: (doc: ProcedureDocument, file: File) => Promise<void>;
  add: (f: F) => void;
  remove: (f: F) => void;
}

/** Uploads files for the documents and adds them to (or removes them from) the caller's list. */
export function usePaperEditing<F extends PaperFile>(opts: {
  files: F[];
  onChange?: (files: F[]) => void;
  /** Where a file is uploaded. */
  endpoint: string;
  /** Refuse, before uploading, a file whose name is not .pdf, .jpg, .jpeg or .png. */
  checkName?: boolean;
  toFile: (position: number, uploaded: UploadedPaper) => F;
}): PaperEditing<F> {
  const { onChange, endpoint, checkName, toFile } = opts;
  const [uploading, setUploading] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  // Two uploads (or an upload and a removal) close together both count.
  const latest = useRef(opts.files);
  latest.current = opts.files;

  const setError = (position: number, text: string) => setErrors((e) => ({ ...e, [position]: text }));
  const add = (f: F) => onChange?.([...latest.current, f]);
  const remove = (f: F) => onChange?.(latest.current.filter((x) => !(x.fileId === f.fileId && x.position === f.position)));
  const upload = async (doc: ProcedureDocument, file: File) => {
    setError(doc.position, '');
    if (checkName && !/\.(pdf|jpe?g|png)$/i.test(file.name)) {
      setError(doc.position, `Tệp "${file.name}" không phải PDF, JPG hoặc PNG.`);
      return;
    }
    if (file.size > PAPER_MAX) {
      setError(doc.position, `Tệp "${file.name}" (${formatBytes(file.size)}) vượt quá 10 MB.`);
      return;
    }
    setUploading(doc.position);
    try {
      const fd = new FormData();
      fd.append('file', file, file.name);
      add(toFile(doc.position, await api.post<UploadedPaper>(endpoint, fd)));
    } catch (err) {
      setError(doc.position, errorMessage(err));
    } finally {
      setUploading(null);
    }
  };
  return { uploading, errors, upload, add, remove };
}

export function PaperList<F extends PaperFile>({
  documents,
  files,
  editing,
  readOnly,
  uploadLabel,
  uploadIcon,
  showTemplate,
  fileGap = 2,
  itemProps,
  actions,
  notes,
}: {
  documents: ProcedureDocument[];
  files: F[];
  editing: PaperEditing<F>;
  /** Files only: no upload, no removal. */
  readOnly?: boolean;
  uploadLabel: string;
  uploadIcon: ReactNode;
  /** Show the document's template ("Mẫu: …") beside its quantity. */
  showTemplate?: boolean;
  /** Space between the files of one document. */
  fileGap?: number;
  itemProps?: (doc: ProcedureDocument) => { className?: string; style?: CSSProperties };
  /** Beside the upload button. */
  actions?: (doc: ProcedureDocument, mine: F[]) => ReactNode;
  /** Below the upload button. */
  notes?: (doc: ProcedureDocument) => ReactNode;
}) {
  // Documents not in the procedure any more (a dossier from an older version) are still listed.
  const known = new Set(documents.map((d) => d.position));
  const extra = [...new Set(files.filter((p) => !known.has(p.position)).map((p) => p.position))].map(
    (position): ProcedureDocument => ({ position, name: `Giấy tờ số ${position}`, quantity: '', required: false, templateName: null }),
  );

  return (
    <List
      dataSource={[...documents, ...extra]}
      locale={{ emptyText: <Empty description="Thủ tục không yêu cầu giấy tờ kèm theo" /> }}
      renderItem={(doc, i) => {
        const mine = files.filter((p) => p.position === doc.position);
        const template = showTemplate ? doc.templateName : null;
        return (
          <List.Item {...itemProps?.(doc)}>
            <div role="group" aria-label={doc.name} style={{ width: '100%' }}>
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                <div>
                  <Typography.Text strong>
                    {i + 1}. {doc.name}
                  </Typography.Text>{' '}
                  {doc.required ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nếu có</Tag>}
                  {(doc.quantity || template) && (
                    <div>
                      <Typography.Text type="secondary">
                        {doc.quantity}
                        {template ? `${doc.quantity ? ' · ' : ''}Mẫu: ${template}` : ''}
                      </Typography.Text>
                    </div>
                  )}
                </div>
                {mine.length > 0 && (
                  <Space orientation="vertical" size={fileGap}>
                    {mine.map((p) => (
                      <Space key={p.fileId} size={8} wrap>
                        <PaperClipOutlined />
                        <a href={`/api/papers/${p.fileId}`} target="_blank" rel="noreferrer">
                          {p.fileName}
                        </a>
                        <Typography.Text type="secondary">{formatBytes(p.size)}</Typography.Text>
                        {p.source === 'store' && <Tag color="geekblue">Từ Kho dữ liệu</Tag>}
                        {!readOnly && (
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Gỡ tệp ${p.fileName}`} onClick={() => editing.remove(p)}>
                            Gỡ
                          </Button>
                        )}
                      </Space>
                    ))}
                  </Space>
                )}
                {readOnly && mine.length === 0 && <Typography.Text type="secondary">Không có tệp đính kèm.</Typography.Text>}
                {!readOnly && (
                  <Space wrap>
                    <Upload
                      accept={PAPER_ACCEPT}
                      showUploadList={false}
                      disabled={editing.uploading !== null}
                      beforeUpload={(file) => {
                        void editing.upload(doc, file);
                        return false;
                      }}
                    >
                      <Button icon={uploadIcon} loading={editing.uploading === doc.position}>
                        {uploadLabel}
                      </Button>
                    </Upload>
                    {actions?.(doc, mine)}
                  </Space>
                )}
                {notes?.(doc)}
                {editing.errors[doc.position] && <Alert role="alert" type="error" showIcon title={editing.errors[doc.position]} />}
              </Space>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
