// The back office's home page figures, by what the officer does: a desk officer sees what waits
// at the desk, an officer with a dossier role sees what is late or due, each figure a link to the
// list behind it. Read with the same endpoints as those lists (the server limits them to the
// agencies the officer's units serve).
import { Alert, Card, Col, Row, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { listQueue, workList } from '../../../common/api/dossiers-desk';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';

interface Figure {
  label: string;
  value: number | undefined;
  to: string;
  tone?: 'danger' | 'warning';
}

function Figures({ title, figures, error, loading }: { title: string; figures: Figure[]; error: unknown; loading: boolean }) {
  return (
    <Card title={title} size="small">
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
      ) : (
        <Row gutter={[16, 16]}>
          {figures.map((f) => (
            <Col key={f.label} xs={12} md={6}>
              <Link
                to={f.to}
                aria-label={loading ? f.label : `${f.label}: ${(f.value ?? 0).toLocaleString('vi-VN')}`}
                className={`home-figure${f.tone && f.value ? ` home-figure-${f.tone}` : ''}`}
              >
                {loading ? <Skeleton.Button active size="small" /> : <span className="home-figure-value">{(f.value ?? 0).toLocaleString('vi-VN')}</span>}
                <span className="home-figure-label">{f.label}</span>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

/** Dossiers waiting for reception, and those whose citizen must add papers. */
export function DeskCounts() {
  const waiting = useApiQuery(listQueue, { query: { status: DOSSIER_STATUS.NEW, page: 1, pageSize: 1 } });
  const supplement = useApiQuery(listQueue, { query: { status: DOSSIER_STATUS.SUPPLEMENT_REQUESTED, page: 1, pageSize: 1 } });
  return (
    <Figures
      title="Bộ phận Một cửa"
      loading={waiting.isPending || supplement.isPending}
      error={waiting.error ?? supplement.error}
      figures={[
        { label: 'Hồ sơ chờ tiếp nhận', value: waiting.data?.total, to: `/quan-tri/ho-so-cho-tiep-nhan?status=${DOSSIER_STATUS.NEW}`, tone: 'warning' },
        { label: 'Chờ công dân bổ sung', value: supplement.data?.total, to: `/quan-tri/ho-so-cho-tiep-nhan?status=${DOSSIER_STATUS.SUPPLEMENT_REQUESTED}` },
      ]}
    />
  );
}

/** Dossiers in the officer's hands: overdue, due today, due within two working days, all. */
export function WorkCounts() {
  const work = useApiQuery(workList, { query: { bucket: 'all', page: 1, pageSize: 1 } });
  const c = work.data?.counts;
  return (
    <Figures
      title="Hồ sơ cần xử lý"
      loading={work.isPending}
      error={work.error}
      figures={[
        { label: 'Quá hạn', value: c?.overdue, to: '/quan-tri/ho-so-can-xu-ly?bucket=overdue', tone: 'danger' },
        { label: 'Đến hạn hôm nay', value: c?.today, to: '/quan-tri/ho-so-can-xu-ly?bucket=today', tone: 'warning' },
        { label: 'Sắp đến hạn', value: c?.soon, to: '/quan-tri/ho-so-can-xu-ly?bucket=soon' },
        { label: 'Đang giải quyết', value: work.data?.total, to: '/quan-tri/ho-so-can-xu-ly' },
      ]}
    />
  );
}

/** The screens an administrator uses, as a short list of links. */
export function ScreenLinks({ title, links }: { title: string; links: { to: string; label: string; note: ReactNode }[] }) {
  return (
    <Card title={title} size="small">
      <ul className="home-links">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link> — {l.note}
          </li>
        ))}
      </ul>
    </Card>
  );
}
