import { describe, expect, it } from 'vitest';
import { freePort, useTestSystem } from '../../../../tests/support/system.js';
import { HttpPopulationAdapter } from './http.js';
import { PopulationUnavailable } from './port.js';

const system = useTestSystem();

describe('Cơ sở dữ liệu quốc gia về dân cư (HTTP adapter against the simulator)', () => {
  it('returns the resident with their household, and null for a number it does not hold', async () => {
    const population = system().deps.population;
    const an = await population.findByIdNumber('001090000001');
    expect(an).toMatchObject({
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-15',
      sex: 'male',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      permanentAddress: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội',
    });
    expect(an!.household.map((m) => `${m.relation}: ${m.fullName}`)).toEqual(['Chủ hộ: Nguyễn Văn An', 'Vợ: Phạm Thị Hoa', 'Con: Nguyễn Minh Khang']);
    expect(await population.findByIdNumber('079190000123')).toBeNull();
    expect(await population.findByIdNumber('123456789')).toBeNull();
  });

  it('reports the database as unavailable when it refuses the credentials or does not answer', async () => {
    const url = system().populationSimulator!.url;
    await expect(new HttpPopulationAdapter(url, 'wrong-token').findByIdNumber('001090000001')).rejects.toBeInstanceOf(PopulationUnavailable);
    const closed = `http://127.0.0.1:${await freePort()}`;
    await expect(new HttpPopulationAdapter(closed, 'x', 1000).findByIdNumber('001090000001')).rejects.toThrow(/unreachable/);
  });
});
