// What the national population database says about the citizen looked up at the desk.
import { Tag } from 'antd';
import { formatDate } from '../../format';
import type { CitizenLookup } from './desk-types';

export function PopulationNote({ c }: { c: CitizenLookup }) {
  if (!c.populationAvailable) return <Tag color="orange">Không kết nối được CSDL quốc gia về dân cư</Tag>;
  if (!c.population) return <Tag>Không có thông tin trong CSDL quốc gia về dân cư</Tag>;
  return (
    <span>
      <Tag color="green">Có thông tin trong CSDL quốc gia về dân cư</Tag>
      {c.population.fullName}
      {c.population.birthDate ? `, sinh ngày ${formatDate(c.population.birthDate)}` : ''}
    </span>
  );
}
