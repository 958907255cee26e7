// The citizen, procedure and agency chosen so far, above the later steps of desk reception.
import { Descriptions } from 'antd';
import type { CitizenAccount, DeskStart } from './desk-types';

export function FlowSummary({ citizen, start, agencyId }: { citizen: CitizenAccount; start: DeskStart | null; agencyId?: string }) {
  const agency = start?.agencies.find((a) => a.id === agencyId);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label="Công dân">
        {citizen.fullName} – {citizen.idNumber}
      </Descriptions.Item>
      {start && <Descriptions.Item label="Thủ tục">{start.procedure.name}</Descriptions.Item>}
      {agency && <Descriptions.Item label="Cơ quan tiếp nhận">{agency.name}</Descriptions.Item>}
    </Descriptions>
  );
}
