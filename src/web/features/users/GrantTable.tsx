// The permissions of "Gán quyền người dùng", grouped as the catalogue groups them, each with why it
// cannot change for this administrator; a box can change only when the rule allows that change.
import { Checkbox, Typography } from 'antd';
import type { getUser } from '../../../common/api/admin-users';
import type { Reply } from '../../../common/api/contract';
import { ADMIN_LEVELS } from '../../../common/grant-rules';
import { PERMISSION_GROUPS } from '../../../common/permissions';

type Grant = Reply<typeof getUser>['grants'][number];

const GROUPS = [
  ...PERMISSION_GROUPS.map((g) => ({ label: g.label, codes: g.permissions.map((p) => p.code as string) })),
  { label: 'Cấp quản trị', codes: ADMIN_LEVELS.map((l) => l.code as string) },
];

export function GrantTable(props: { grants: Grant[]; checked: Set<string>; onChange: (next: Set<string>) => void }) {
  const { checked } = props;
  const byCode = new Map(props.grants.map((g) => [g.code, g]));
  const toggle = (code: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(code);
    else next.delete(code);
    props.onChange(next);
  };
  return (
    <table className="grant-table" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left', padding: 8, borderBottom: '1px solid #e5e5e5' }}>Quyền người dùng</th>
          <th style={{ width: 90, padding: 8, borderBottom: '1px solid #e5e5e5' }}>Thao tác</th>
        </tr>
      </thead>
      <tbody>
        {GROUPS.map((g) => {
          const rows = g.codes.map((c) => byCode.get(c)).filter((x): x is Grant => !!x);
          if (rows.length === 0) return null;
          return [
            <tr key={g.label}>
              <td colSpan={2} style={{ padding: '10px 8px 4px', fontWeight: 600, background: '#f5f8fc' }}>
                {g.label}
              </td>
            </tr>,
            ...rows.map((p) => {
              // A box can change only when the rule allows the change it would make.
              const changing = checked.has(p.code) !== p.granted;
              const locked = !!p.problem && !changing;
              return (
                <tr key={p.code}>
                  <td style={{ padding: '6px 8px 6px 24px', borderBottom: '1px solid #f0f0f0' }}>
                    <div>{p.label}</div>
                    {p.problem && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.problem}
                      </Typography.Text>
                    )}
                  </td>
                  <td style={{ textAlign: 'center', borderBottom: '1px solid #f0f0f0' }}>
                    <Checkbox aria-label={p.label} checked={checked.has(p.code)} disabled={locked} onChange={(e) => toggle(p.code, e.target.checked)} />
                  </td>
                </tr>
              );
            }),
          ];
        })}
      </tbody>
    </table>
  );
}
