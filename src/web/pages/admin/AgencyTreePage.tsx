// "Quản lý cơ quan/đơn vị" (issue 5): the agency tree, loaded level by level; search by Mã định
// danh or name; details and "Lịch sử thay đổi" of the selected unit; add, edit, move, merge,
// deactivate and reactivate, each from an effective date (a later date: a scheduled change, shown
// as planned until then and listed under "Thay đổi dự kiến"); a national administrator also adds
// tops of the tree (ministries, banks, payment intermediaries). The server checks every rule again.
import { Alert, Button, Card, Col, Row, Space } from 'antd';
import { useState } from 'react';
import { getAgency } from '../../../common/api/agencies';
import { adminLevel } from '../../../common/grant-rules';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { AgencyChangeDialog, type AgencyChange } from '../../features/agencies/AgencyChangeDialog';
import { AgencyDetailPanel } from '../../features/agencies/AgencyDetailPanel';
import { AgencySearch } from '../../features/agencies/AgencySearch';
import { AgencyTree } from '../../features/agencies/AgencyTree';
import { UpcomingChanges } from '../../features/agencies/UpcomingChanges';
import { useAgencySearch } from '../../features/agencies/useAgencySearch';
import { useAgencyTree } from '../../features/agencies/useAgencyTree';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';
import { useSession } from '../../session';

export function AgencyTreePage() {
  const tree = useAgencyTree();
  const { me } = useSession();
  // ADR 0008: only a high-level administrator (or ADMIN CỤC KSTTHC) adds a unit without a parent.
  const national = adminLevel(new Set(me?.permissions ?? [])) === 'national';
  const search = useAgencySearch(tree.includeInactive);
  const [change, setChange] = useState<AgencyChange | null>(null);
  // The panel keeps showing the unit it shows while the next one selected loads.
  const { data, error: detailError, isFetching } = useApiQuery(
    getAgency,
    { params: { id: tree.selected ?? '' } },
    { enabled: tree.selected !== null, keepPrevious: true },
  );
  const detail = tree.selected ? (data ?? null) : null;

  // One alert for what failed to load (the tree, the unit, the search), until closed.
  const [dismissed, setDismissed] = useState<unknown[]>([]);
  const error = [tree.error, detailError, search.error].find((e) => e && !dismissed.includes(e)) ?? null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
          Quản lý cơ quan/đơn vị
        </PageHeading>
        {national && (
          <Button onClick={() => setChange('create-top')} style={{ minHeight: 44 }}>
            Thêm đơn vị cấp cao nhất
          </Button>
        )}
      </Space>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} closable={{ onClose: () => setDismissed((d) => [...d, error]) }} />}
      <Row gutter={16} align="top">
        <Col xs={24} lg={9}>
          <UpcomingChanges onPick={(c) => void tree.reveal(c.unit.id, c.path)} />
          <Card size="small" title="Cây đơn vị">
            <AgencySearch
              search={search}
              includeInactive={tree.includeInactive}
              onIncludeInactive={tree.showInactive}
              onPick={(hit) => void tree.reveal(hit.id, hit.path)}
            />
            <AgencyTree tree={tree} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <AgencyDetailPanel detail={detail} loading={isFetching} onChange={setChange} />
        </Col>
      </Row>
      <AgencyChangeDialog change={change} detail={detail} onClose={() => setChange(null)} onDone={(d) => tree.reveal(d.id, d.path)} />
    </Space>
  );
}
