// The import shown on "Nhập danh sách cán bộ" and what can be done with it: upload a file (a
// preview), open an earlier one, confirm (import the valid rows), discard. Each write's answer is the
// import as it now is, so it goes straight into the import's cache entry; the list of imports is
// invalidated and shown again from its first page.
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { confirmOfficerImport, discardOfficerImport, getOfficerImport, listOfficerImports, uploadOfficerList } from '../../../common/api/officer-import';
import { ApiError, errorMessage } from '../../api';
import { apiKey, useApiMutation, useApiQuery } from '../../data/hooks';
import { ConfirmImportText } from './ConfirmImportText';
import { valid, type ImportDetail } from './counts';

const MAX_BYTES = 5 * 1024 * 1024;

export function useOfficerImport() {
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const [shownId, setShownId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [historyPage, setHistoryPage] = useState(1);

  // An earlier import keeps showing until the one opened next has arrived.
  const shown = useApiQuery(getOfficerImport, { params: { id: shownId ?? '' } }, { enabled: !!shownId, keepPrevious: true });
  const detail = shownId ? shown.data : undefined;
  const uploadFile = useApiMutation(uploadOfficerList, { invalidates: [listOfficerImports] });
  const confirmImport = useApiMutation(confirmOfficerImport, { invalidates: [listOfficerImports] });
  const discardImport = useApiMutation(discardOfficerImport, { invalidates: [listOfficerImports] });

  const remember = (d: ImportDetail) => client.setQueryData(apiKey(getOfficerImport, { params: { id: d.id } }), d);
  const show = (d: ImportDetail) => {
    remember(d);
    setShownId(d.id);
    setHistoryPage(1);
  };

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(`File "${file.name}" vượt quá dung lượng cho phép 5 MB.`);
      return;
    }
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      show(await uploadFile.mutateAsync({ body }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const open = (id: string) => {
    setError(null);
    setShownId(id);
  };

  const confirm = (d: ImportDetail) => {
    modal.confirm({
      title: `Nhập ${valid(d.counts)} dòng hợp lệ?`,
      content: <ConfirmImportText detail={d} />,
      okText: 'Nhập',
      cancelText: 'Quay lại',
      onOk: async () => {
        try {
          show(await confirmImport.mutateAsync({ params: { id: d.id } }));
        } catch (err) {
          // Expired while it waited: read it (and the history) again, so that the view says so and
          // asks for the file.
          if (err instanceof ApiError && err.code === 'IMPORT_PREVIEW_EXPIRED') {
            await Promise.all([
              client.invalidateQueries({ queryKey: apiKey(getOfficerImport, { params: { id: d.id } }) }),
              client.invalidateQueries({ queryKey: apiKey(listOfficerImports) }),
            ]);
          } else message.error(errorMessage(err));
        }
      },
    });
  };

  const discard = async (d: ImportDetail) => {
    try {
      const after = await discardImport.mutateAsync({ params: { id: d.id } });
      remember(after);
      setShownId(null);
      setHistoryPage(1);
      message.info(after.status === 'expired' ? 'Bản xem trước đã hết hạn từ trước; không có gì được ghi.' : 'Đã hủy bản xem trước; không có gì được ghi.');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const readError = shownId && shown.error ? errorMessage(shown.error) : null;
  return {
    detail,
    error: error ?? readError,
    busy: uploadFile.isPending,
    historyPage,
    setHistoryPage,
    upload,
    open,
    confirm,
    discard,
    close: () => setShownId(null),
  };
}
