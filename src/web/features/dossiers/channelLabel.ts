import { CHANNEL_LABELS, type Channel } from '../../../common/dossier-status';

/** "Kênh nộp" of a dossier: online, in person, by post. */
export function channelLabel(c: number): string {
  return CHANNEL_LABELS[c as Channel] ?? String(c);
}
