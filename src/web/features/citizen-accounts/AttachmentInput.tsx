// "Đính kèm CCCD/CMND": one doc, docx or pdf file of at most 5 MB, uploaded at once; the form
// field holds the stored attachment's id.
import { Alert, Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadAccountAttachment } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { useApiMutation } from '../../data/hooks';
import { formatBytes } from '../../format';
import { errorText } from './errorText';

type Attachment = Reply<typeof uploadAccountAttachment>;

const MAX_BYTES = 5 * 1024 * 1024;

export function AttachmentInput({
  id,
  disabled,
  attachment,
  onUploaded,
  onChange,
}: {
  id?: string;
  disabled: boolean;
  attachment: Attachment | null;
  onUploaded: (a: Attachment | null) => void;
  value?: string;
  onChange?: (v: string | undefined) => void;
}) {
  const [tooBig, setTooBig] = useState<string | null>(null);
  const send = useApiMutation(uploadAccountAttachment);
  const error = tooBig ?? (send.error ? errorText(send.error) : null);
  const busy = send.isPending;

  const upload = async (file: File) => {
    setTooBig(null);
    send.reset();
    if (file.size > MAX_BYTES) {
      setTooBig(`File "${file.name}" (${formatBytes(file.size)}): File đính kèm vượt quá dung lượng cho phép 5 MB.`);
      return;
    }
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const a = await send.mutateAsync({ body: fd });
      onUploaded(a);
      onChange?.(a.id);
    } catch {
      // Shown from the mutation's state (`error`).
    }
  };

  return (
    <div>
      <Upload
        id={id}
        accept=".doc,.docx,.pdf"
        maxCount={1}
        showUploadList={false}
        disabled={disabled || busy}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button disabled={disabled} loading={busy}>
          {attachment ? 'Chọn file khác' : 'Chọn file'}
        </Button>
      </Upload>
      {attachment && (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>
          File đính kèm: {attachment.fileName} ({formatBytes(attachment.size)})
        </Typography.Paragraph>
      )}
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </div>
  );
}
