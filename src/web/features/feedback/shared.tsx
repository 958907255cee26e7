// Pieces the portal and back-office feedback screens share: the status tag, a date from an instant.
import { Tag } from 'antd';
import type { FeedbackStatus } from '../../../common/api/feedback';
import { formatDateTime } from '../../format';

const COLORS: Record<FeedbackStatus, string> = { received: 'blue', processing: 'gold', answered: 'green' };

export function FeedbackStatusTag({ status, label }: { status: FeedbackStatus; label: string }) {
  return <Tag color={COLORS[status]} style={{ color: 'rgba(0,0,0,0.88)' }}>{label}</Tag>;
}

/** dd/mm/yyyy of an instant, in Vietnam time. */
export const dayOf = (iso: string | null | undefined) => formatDateTime(iso).slice(0, 10);

/** Text with its paragraphs (the citizen's content, the agency's answer). */
export function Paragraphs({ text }: { text: string }) {
  return <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</div>;
}
