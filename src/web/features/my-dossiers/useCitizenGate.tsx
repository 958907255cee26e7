// The citizen's own pages ("Hồ sơ của tôi", "Kho dữ liệu"): a spinner while the session loads, and
// a signed-out visitor (or an officer) sent to sign in and back here.
import { Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../session';

/** What to show instead of the page, or null when a citizen is signed in. `keepSearch`: come back with the query too. */
export function useCitizenGate({ keepSearch = true }: { keepSearch?: boolean } = {}) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin />;
  if (!me || me.audience !== 'citizen') {
    const back = keepSearch ? location.pathname + location.search : location.pathname;
    return <Navigate to={`/dang-nhap?next=${encodeURIComponent(back)}`} replace />;
  }
  return null;
}
