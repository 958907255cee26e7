// A date typed as dd/mm/yyyy whatever the browser's language (a native date input shows
// mm/dd/yyyy in an English browser), kept in the form as YYYY-MM-DD like the server's e-form
// values. Digits alone get their slashes as they are typed, since a phone's number pad has none;
// "8/3/1995", "08-03-1995" and "08.03.1995" are read too. Anything else stays as typed, for the
// form's rule to name (see DATE_FIELD_RULE).
import { Input, type InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { formatDate } from '../format';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "1995-03-08" → "08/03/1995"; anything else unchanged. */
export function isoToDmy(v: string): string {
  return ISO.test(v) ? formatDate(v) : v;
}

/** "08/03/1995" (or 8/3/1995, 08-03-1995, 08.03.1995) → "1995-03-08"; null unless a real date. */
export function dmyToIso(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Digits, with slashes only where this field puts them: "0803" → "08/03", "08/031995" →
 * "08/03/1995". Anything else (8/3/1995) is left as typed; null then.
 */
function withSlashes(typed: string): string | null {
  if (!/^[\d/]*$/.test(typed) || [...typed].some((c, i) => c === '/' && i !== 2 && i !== 5)) return null;
  const d = typed.replace(/\//g, '').slice(0, 8);
  return [d.slice(0, 2), d.slice(2, 4), d.slice(4)].filter(Boolean).join('/');
}

/** The rule that goes with the field: what was typed is a real date. */
export const DATE_FIELD_RULE: Rule = {
  validator: (_, v: string | undefined) =>
    !v || ISO.test(v) ? Promise.resolve() : Promise.reject(new Error('Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 08/03/1995.')),
};

type Props = Omit<InputProps, 'value' | 'onChange'> & { value?: string; onChange?: (v: string) => void };

export function DateField({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => isoToDmy(value ?? ''));
  // A value set from outside (a prefill, a reset) replaces what is shown.
  useEffect(() => {
    setText((t) => ((dmyToIso(t) ?? t) === (value ?? '') ? t : isoToDmy(value ?? '')));
  }, [value]);
  return (
    <Input
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      maxLength={10}
      {...rest}
      value={text}
      onChange={(e) => {
        const typed = e.target.value;
        // Deleting never adds a slash back.
        const shown = (typed.length > text.length && withSlashes(typed)) || typed;
        setText(shown);
        onChange?.(dmyToIso(shown) ?? shown);
      }}
    />
  );
}
