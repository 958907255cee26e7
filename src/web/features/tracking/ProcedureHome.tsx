// The portal's home page pieces (issue 15), as dichvucong.gov.vn lays them out: the procedure
// search, "Thủ tục được sử dụng nhiều nhất", the catalogue by nhóm sự kiện and by lĩnh vực, and
// the year's public figures. Everything here is public and the same for every visitor.
//
// Plain elements with the `lite-` styles of app.css, no antd: the home page is where most visits
// start, and on a 3G phone it is usable before the component library would have arrived (ADR 0019).
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { getPublicFigures, listMostUsedProcedures, listProcedureGroups } from '../../../common/api/procedures';
import { LIFE_EVENTS } from '../../../common/procedure-catalogue';
import { useApiQuery } from '../../data/hooks';
import { OnlineTag, percent } from './procedure-text';

const number = new Intl.NumberFormat('vi-VN');

/** The search box: words of the name without accents, or a code; opens the catalogue with them. */
export function ProcedureSearchBox() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      className="lite-search"
      onSubmit={(e) => {
        e.preventDefault();
        const v = text.trim();
        void navigate(v ? `/thu-tuc?q=${encodeURIComponent(v)}` : '/thu-tuc');
      }}
    >
      <input
        className="lite-input"
        type="search"
        aria-label="Tìm thủ tục hành chính"
        placeholder="Nhập tên thủ tục (không cần dấu) hoặc mã thủ tục"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="lite-button lite-button-primary">
        Tìm kiếm
      </button>
    </form>
  );
}

/** A titled block of the home page (an antd Card's look without antd). */
function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <section className="lite-section">
      <h2>{title}</h2>
      <div className="lite-section-body">{children}</div>
    </section>
  );
}

/** Grey bars while a block's figures arrive. */
function Placeholder({ rows }: { rows: number }) {
  return (
    <div role="status" aria-label="Đang tải">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="lite-placeholder" />
      ))}
    </div>
  );
}

export function ProcedureMostUsed() {
  const { data, error } = useApiQuery(listMostUsedProcedures, { query: { limit: 6 } });
  return (
    <Section title="Thủ tục được sử dụng nhiều nhất">
      {error && <p className="lite-secondary">Chưa tải được danh sách thủ tục; vui lòng thử lại sau.</p>}
      {!data && !error && <Placeholder rows={3} />}
      {data && data.items.length === 0 && <p className="lite-secondary">Chưa có thủ tục nào được công bố</p>}
      {data && data.items.length > 0 && (
        <ol className="lite-list">
          {data.items.map((p) => (
            <li key={p.code}>
              <Link to={`/thu-tuc/${p.code}`} className="lite-list-title">
                {p.name}
              </Link>
              <span className="lite-secondary">
                {p.field}
                {p.dossiers > 0 ? ` · ${number.format(p.dossiers)} hồ sơ trong ${data.days} ngày qua` : ''}
              </span>{' '}
              {p.onlineFiling && <OnlineTag fullyOnline={p.fullyOnline} />}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export function ProcedureGroups() {
  const { data } = useApiQuery(listProcedureGroups, {});
  const counts = new Map(data?.lifeEvents.map((e) => [e.key, e.count]));
  return (
    <>
      <Section title="Thủ tục theo nhóm sự kiện">
        <div className="lite-tiles">
          {LIFE_EVENTS.map((e) => {
            const n = counts.get(e.key) ?? 0;
            const body = (
              <>
                <strong>{e.label}</strong>
                <span>{!data ? '…' : n ? `${n} thủ tục · ${e.hint}` : 'Chưa có thủ tục trong danh mục'}</span>
              </>
            );
            return n ? (
              <Link key={e.key} to={`/thu-tuc?suKien=${e.key}`} className="lite-tile lite-tile-link">
                {body}
              </Link>
            ) : (
              <div key={e.key} className="lite-tile">
                {body}
              </div>
            );
          })}
        </div>
      </Section>
      <Section title="Thủ tục theo lĩnh vực">
        {!data ? (
          <Placeholder rows={1} />
        ) : (
          <div className="lite-chips">
            {data.fields.map((f) => (
              <Link key={f.field} to={`/thu-tuc?linhVuc=${encodeURIComponent(f.field)}`} className="lite-chip">
                {f.field} ({f.count})
              </Link>
            ))}
          </div>
        )}
      </Section>
    </>
  );
}

export function ProcedurePublicFigures() {
  const { data } = useApiQuery(getPublicFigures, {});
  if (!data)
    return (
      <Section title="Tình hình giải quyết hồ sơ">
        <Placeholder rows={2} />
      </Section>
    );
  const items: [string, string][] = [
    ['Hồ sơ đã tiếp nhận', number.format(data.received)],
    ['Hồ sơ đã giải quyết', number.format(data.resolved)],
    ['Tỷ lệ giải quyết đúng hạn', percent(data.onTimeShare)],
    ['Tỷ lệ hồ sơ trực tuyến', percent(data.onlineShare)],
    ['Tỷ lệ hài lòng', percent(data.satisfiedShare)],
    ['Thủ tục nộp trực tuyến', `${number.format(data.proceduresOnline)}/${number.format(data.proceduresInForce)}`],
  ];
  return (
    <Section title={`Tình hình giải quyết hồ sơ năm ${data.year}`}>
      <dl className="lite-figures">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="lite-secondary" style={{ margin: '12px 0 0' }}>
        Số liệu từ ngày 01/01/{data.year}, cập nhật vài phút một lần; chỉ gồm số tổng hợp.
      </p>
    </Section>
  );
}
