// The fields of a procedure's e-form (biểu mẫu điện tử), laid out from `form.layout`: one antd
// Form.Item per field, inside a Form the caller owns. A prefilled field names where its value came
// from; a value from a verified source (CSDL dân cư, VNeID) is locked. Used by online filing, the
// citizen's dossier page and the one-stop desk.
import { DatabaseOutlined, LockOutlined } from '@ant-design/icons';
import { Col, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { CSSProperties, ReactNode } from 'react';
import { DATE_FIELD_RULE, DateField, isoToDmy } from './DateField';
import { fieldDependencies, fieldPlausibility, type EForm, type FormField, type Provenance, type ProvenanceMap } from '../../common/eform';

export const LOCKED_TEXT = 'Thông tin đã được xác thực, không sửa được';

interface Props {
  form: EForm;
  provenance: ProvenanceMap;
  /** Read-only display (a submitted dossier): no rules, nothing editable. */
  disabled?: boolean;
}

export function EFormFields({ form, provenance, disabled }: Props) {
  const required = new Set(form.schema.required ?? []);
  return (
    <>
      {form.layout.map((section, i) => (
        // A named group, so each "Họ, chữ đệm, tên" can be told apart by its section.
        <div key={`${i}-${section.title}`} role="group" aria-label={section.title} style={{ marginBottom: 8 }}>
          <Typography.Title level={2} style={{ margin: '8px 0 12px', color: '#0b5394', fontSize: 18 }}>
            {section.title}
          </Typography.Title>
          <Row gutter={16}>
            {section.fields.map((f) => (
              <Col key={f.name} xs={24} md={f.span === 2 ? 24 : 12}>
                <FieldItem
                  form={form}
                  field={f}
                  schema={form.schema.properties[f.name] ?? {}}
                  required={required.has(f.name)}
                  provenance={provenance[f.name]}
                  disabled={!!disabled}
                />
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </>
  );
}

function rulesFor(form: EForm, f: FormField, schema: Record<string, unknown>, required: boolean): Rule[] {
  const rules: Rule[] = [];
  const choose = f.widget === 'select' || f.widget === 'radio' || f.widget === 'date';
  if (required) rules.push({ required: true, whitespace: true, message: `${choose ? 'Chọn' : 'Nhập'} ${lowerFirst(f.label)}.` });
  if (typeof schema.minLength === 'number') rules.push({ min: schema.minLength, message: `Cần ít nhất ${schema.minLength} ký tự.` });
  if (typeof schema.maxLength === 'number') rules.push({ max: schema.maxLength, message: `Dài quá ${schema.maxLength} ký tự.` });
  if (typeof schema.pattern === 'string') {
    const message = f.widget === 'idNumber' ? 'Số định danh cá nhân gồm 12 chữ số.' : f.widget === 'phone' ? 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.' : 'Không đúng định dạng.';
    rules.push({ pattern: new RegExp(schema.pattern), message });
  }
  if (schema.format === 'email' || f.widget === 'email') rules.push({ type: 'email', message: 'Thư điện tử không hợp lệ.' });
  if (f.widget === 'date') {
    rules.push(DATE_FIELD_RULE);
    rules.push({
      validator: (_, v: string | undefined) =>
        v && v > todayIso() ? Promise.reject(new Error('Ngày không được sau ngày hôm nay.')) : Promise.resolve(),
    });
  }
  // The form's plausibility rules, the same the server applies on submission.
  rules.push(({ getFieldsValue }) => ({
    validator: () => {
      const message = fieldPlausibility(form, f.name, getFieldsValue(true) as Record<string, string | undefined>, todayIso());
      return message ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  }));
  return rules;
}

function lowerFirst(s: string): string {
  return s ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Today in Vietnam, YYYY-MM-DD. */
function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

function ProvenanceNote({ p, brief }: { p: Provenance; brief: boolean }) {
  return (
    <Space size={4} wrap style={{ marginTop: 4 }}>
      <Tag color={p.locked ? 'green' : 'blue'} icon={p.locked ? <LockOutlined /> : <DatabaseOutlined />} style={{ marginInlineEnd: 0 }}>
        {p.label}
      </Tag>
      {p.locked && !brief && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {LOCKED_TEXT}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * A value shown, not edited: a read-only text box (readable, selectable, labelled), with a choice
 * shown by its label and a date as dd/MM/yyyy.
 */
function ShownValue({
  id,
  value,
  display,
  suffix,
  title,
  style,
}: {
  id?: string;
  value?: string;
  display: (v: string) => string;
  suffix?: ReactNode;
  title?: string;
  style?: CSSProperties;
}) {
  return <Input id={id} readOnly variant="filled" value={value ? display(value) : ''} suffix={suffix} title={title} style={style} />;
}

function FieldItem({
  form,
  field: f,
  schema,
  required,
  provenance,
  disabled,
}: {
  form: EForm;
  field: FormField;
  schema: Record<string, unknown>;
  required: boolean;
  provenance: Provenance | undefined;
  disabled: boolean;
}) {
  const locked = !!provenance?.locked;
  const readOnly = disabled || locked;
  const extra: ReactNode =
    provenance || f.help ? (
      <>
        {f.help && <div>{f.help}</div>}
        {provenance && <ProvenanceNote p={provenance} brief={disabled} />}
      </>
    ) : undefined;
  const lockIcon = locked ? <LockOutlined aria-hidden style={{ color: '#389e0d' }} /> : undefined;
  const lockedTitle = locked ? LOCKED_TEXT : undefined;
  const common = { readOnly, placeholder: readOnly ? undefined : f.placeholder, variant: readOnly ? ('filled' as const) : undefined, title: lockedTitle };
  const optionLabel = (v: string) => f.options?.find((o) => o.value === v)?.label ?? v;

  const input = ((): ReactNode => {
    if (disabled && f.widget === 'date') return <ShownValue display={isoToDmy} suffix={lockIcon} title={lockedTitle} style={{ maxWidth: 240 }} />;
    // Locked or shown choices read as text: a disabled select or radio is too faint to read.
    if (readOnly && (f.widget === 'select' || f.widget === 'radio')) return <ShownValue display={optionLabel} suffix={lockIcon} title={lockedTitle} />;
    switch (f.widget) {
      case 'textarea':
        return <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 6 }} />;
      case 'date':
        // Typed dd/mm/yyyy in every browser, kept as YYYY-MM-DD (a native date input shows mm/dd/yyyy in English).
        return <DateField {...common} suffix={lockIcon} style={{ maxWidth: 240 }} />;
      case 'select':
        return <Select options={f.options} placeholder={f.placeholder ?? 'Chọn'} />;
      case 'radio':
        return <Radio.Group options={f.options} aria-label={f.label} />;
      case 'idNumber':
        return <Input {...common} inputMode="numeric" maxLength={12} suffix={lockIcon} />;
      case 'phone':
        return <Input {...common} type="tel" inputMode="tel" maxLength={10} suffix={lockIcon} />;
      case 'email':
        return <Input {...common} type="email" suffix={lockIcon} />;
      default:
        return <Input {...common} suffix={lockIcon} />;
    }
  })();

  return (
    <Form.Item
      name={f.name}
      label={f.label}
      required={required && !disabled}
      rules={disabled || locked ? [] : rulesFor(form, f, schema, required)}
      dependencies={disabled || locked ? undefined : fieldDependencies(form, f.name)}
      extra={extra}
    >
      {input}
    </Form.Item>
  );
}
