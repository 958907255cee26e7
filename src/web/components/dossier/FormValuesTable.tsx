// The values of a dossier whose procedure has no e-form any more: one row per value, as filed.
import { Descriptions } from 'antd';
import type { FormValues } from '../../../common/eform';

export function FormValuesTable({ values }: { values: FormValues }) {
  return (
    <Descriptions column={1} size="small" bordered>
      {Object.entries(values).map(([k, v]) => (
        <Descriptions.Item key={k} label={k}>
          {v}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
