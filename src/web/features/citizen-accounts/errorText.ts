import { ApiError } from '../../api';

/** The server's message, or the wizard's general one. */
export const errorText = (err: unknown) => (err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.');
