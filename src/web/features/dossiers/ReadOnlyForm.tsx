// The e-form as filed: each section's values, with the source of every prefilled one.
import { Descriptions, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import type { EForm, FormValues, ProvenanceMap } from '../../../common/eform';
import { FormValuesTable } from '../../components/dossier/FormValuesTable';
import { formatDate } from '../../format';

export function ReadOnlyForm({ form, values, provenance }: { form: EForm | null; values: FormValues; provenance: ProvenanceMap }) {
  if (!form) {
    if (!Object.keys(values).length) return <Empty description="Không có tờ khai" />;
    return <FormValuesTable values={values} />;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {form.layout.map((section) => (
        <Descriptions
          key={section.title}
          title={section.title}
          column={{ xs: 1, md: 2 }}
          size="small"
          bordered
          styles={{ label: { width: 190 } }}
          items={section.fields.map((f) => {
            const p = provenance[f.name];
            const v = values[f.name];
            return {
              key: f.name,
              label: f.label,
              span: f.span === 2 ? 2 : 1,
              children: (
                <Space size={4} wrap>
                  <span>{v ? (f.widget === 'date' ? formatDate(v) : v) : <Typography.Text type="secondary">(không có)</Typography.Text>}</span>
                  {p && v && (
                    <Tooltip title={p.locked ? 'Thông tin đã xác thực, công dân không sửa được' : 'Công dân có thể sửa'}>
                      <Tag color={p.locked ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                        {p.label}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            };
          })}
        />
      ))}
    </Space>
  );
}
