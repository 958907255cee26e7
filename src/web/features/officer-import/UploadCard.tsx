// The top of "Nhập danh sách cán bộ": what the import does, "Tải biểu mẫu" and the file drop.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Card, Space, Typography, Upload } from 'antd';
import { downloadImportTemplate, PREVIEW_TTL_MINUTES } from '../../../common/api/officer-import';

export function UploadCard(props: { busy: boolean; onFile: (file: File) => void }) {
  return (
    <Card size="small">
      <Typography.Paragraph>
        Tải lên danh sách công chức, viên chức Bộ phận Một cửa, Trung tâm Phục vụ hành chính công của tỉnh và các xã, phường, đặc khu theo biểu mẫu (các
        cột STT, Họ và tên, Đơn vị, CMND/CCCD, Số điện thoại). Hệ thống kiểm tra từng dòng và cho xem trước; chưa có gì được ghi cho tới khi bạn bấm nhập,
        và bản xem trước được giữ {PREVIEW_TTL_MINUTES} phút. Cán bộ chưa có tài khoản được tạo tài khoản (tên đăng nhập là số CMND/CCCD) và chỉ những cán
        bộ này nhận SMS có mật khẩu tạm thời; mọi cán bộ hợp lệ được gán vào đơn vị và cấp "Quyền tạo tài khoản công dân".
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <a href={downloadImportTemplate.url} download>
          <DownloadOutlined /> Tải biểu mẫu
        </a>
        <label htmlFor="officer-import-file" style={{ fontWeight: 600 }}>
          Chọn file danh sách (.xlsx)
        </label>
        <Upload.Dragger
          id="officer-import-file"
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          disabled={props.busy}
          beforeUpload={(file) => {
            props.onFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Kéo thả file vào đây hoặc bấm để chọn file</p>
          <p className="ant-upload-hint">Một file .xlsx, tối đa 5 MB và 5.000 dòng.</p>
        </Upload.Dragger>
      </Space>
    </Card>
  );
}
