// Which rows are (or were) skipped and why: the first few with their problems, and how to see the
// others ("Chỉ hiện dòng có vấn đề" in the table below).
import { Typography } from 'antd';
import type { ImportDetail } from './counts';

const SHOWN = 5;

type ImportRow = ImportDetail['rows'][number];

const label = (r: ImportRow) => `${r.stt ? `STT ${r.stt}` : `Dòng ${r.no}`}${r.fullName ? ` (${r.fullName})` : ''}`;

export function SkippedRows(props: { rows: ImportDetail['rows']; done: boolean }) {
  const skipped = props.rows.filter((r) => r.action === 'skip');
  if (skipped.length === 0) return null;
  const more = skipped.length - SHOWN;
  return (
    <div>
      <Typography.Text type="danger">
        {props.done ? `${skipped.length} dòng bị bỏ qua, không được nhập, vì:` : `${skipped.length} dòng có vấn đề sẽ bị bỏ qua, không được nhập, vì:`}
      </Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {skipped.slice(0, SHOWN).map((r) => (
          <li key={r.no}>
            {label(r)}: {r.problems.join(' ')}
          </li>
        ))}
      </ul>
      {more > 0 && <Typography.Text type="secondary">… và {more} dòng khác; chọn "Chỉ hiện dòng có vấn đề" để xem tất cả.</Typography.Text>}
    </div>
  );
}
