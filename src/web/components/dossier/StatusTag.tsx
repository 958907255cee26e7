// A dossier's status (1–10) as a coloured tag. The back office and the portal colour statuses
// 2 (Được tiếp nhận), 9 and 10 differently.
import { Tag } from 'antd';

const SHARED: Record<number, string> = { 1: 'blue', 3: 'red', 4: 'processing', 5: 'orange', 6: 'gold', 7: 'default', 8: 'default' };

export const STATUS_COLORS: Record<'officer' | 'citizen', Record<number, string>> = {
  officer: { ...SHARED, 2: 'green', 9: 'cyan', 10: 'default' },
  citizen: { ...SHARED, 2: 'cyan', 9: 'green', 10: 'success' },
};

export function StatusTag({ status, label, audience }: { status: number; label: string; audience: 'officer' | 'citizen' }) {
  return <Tag color={STATUS_COLORS[audience][status] ?? 'default'}>{label}</Tag>;
}
