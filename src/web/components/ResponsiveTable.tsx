// An antd Table that becomes a list of cards on a phone (below 768 px): each row a card, its first
// column as the card's title, every other column as "label: value", columns without a title (the
// row's buttons) at the bottom. Nothing scrolls sideways and nothing is off-screen; the same
// columns, data and pagination drive both.
import { Pagination, Spin, Table, type TableProps } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { useNarrow } from './use-narrow';

interface Column<T> {
  title?: ReactNode;
  dataIndex?: string;
  key?: Key;
  render?: (value: unknown, record: T, index: number) => ReactNode;
}

export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const narrow = useNarrow();
  const [localPage, setLocalPage] = useState(1);
  if (!narrow) return <Table<T> {...props} />;
  const { columns = [], dataSource = [], rowKey, loading, pagination, locale } = props;
  const cols = columns as Column<T>[];
  const keyOf = (r: T, i: number): Key => (typeof rowKey === 'function' ? rowKey(r, i) : rowKey ? ((r as Record<string, unknown>)[rowKey as string] as Key) : i);
  const cell = (c: Column<T>, r: T, i: number): ReactNode => {
    const v = c.dataIndex ? (r as Record<string, unknown>)[c.dataIndex] : undefined;
    return c.render ? c.render(v, r, i) : (v as ReactNode);
  };
  if ((loading === true || (typeof loading === 'object' && loading.spinning)) && !dataSource.length) return <Spin style={{ display: 'block', padding: 24 }} />;
  // A list the server pages (pagination.total given) shows what it was given; a client-side one
  // is cut here.
  const paged = pagination && pagination.total === undefined;
  const pageSize = (pagination && pagination.pageSize) || 10;
  const rows = paged ? dataSource.slice((localPage - 1) * pageSize, localPage * pageSize) : dataSource;
  const total = pagination ? (pagination.total ?? dataSource.length) : 0;
  const [first, ...rest] = cols;
  const labelled = rest.filter((c) => c.title);
  const actions = rest.filter((c) => !c.title);
  if (!dataSource.length) return <div className="card-list-empty">{(locale?.emptyText as ReactNode) ?? 'Không có dữ liệu'}</div>;
  return (
    <>
      <ul className="card-list">
        {rows.map((r, i) => (
          <li key={keyOf(r, i)}>
            {first && <div className="card-list-title">{cell(first, r, i)}</div>}
            {labelled.length > 0 && (
              <dl>
                {labelled.map((c, j) => (
                  <div key={String(c.key ?? c.dataIndex ?? j)} className="card-list-row">
                    <dt>{c.title}</dt>
                    <dd>{cell(c, r, i) ?? '—'}</dd>
                  </div>
                ))}
              </dl>
            )}
            {actions.map((c, j) => (
              <div key={String(c.key ?? j)}>{cell(c, r, i)}</div>
            ))}
          </li>
        ))}
      </ul>
      {pagination && total > pageSize && (
        <Pagination
          {...(paged ? { current: localPage, onChange: setLocalPage } : pagination)}
          total={total}
          pageSize={pageSize}
          showSizeChanger={false}
          simple
          align="center"
          style={{ marginTop: 16 }}
        />
      )}
    </>
  );
}
