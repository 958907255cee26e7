// OTP countdown shared by every page that sends a code (desk wizard, Đăng ký, Quên mật khẩu,
// Thông tin tài khoản). Deadlines run on the browser's own clock from the moment the answer
// arrived (an office PC a few minutes off must not show a fresh code as expired); after a reload
// only the server's absolute times are known.
import { Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Static } from 'typebox';
import type { OtpTiming as OtpTimingSchema } from '../../common/api/auth';

export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/**
 * The times of a code sent, as every OTP answer gives them (src/common/api/auth.ts); a saved
 * draft's latest code (the desk wizard after a reload) comes without its lifetime.
 */
export type OtpTiming = Omit<Static<typeof OtpTimingSchema>, 'ttlSeconds'> & Partial<Pick<Static<typeof OtpTimingSchema>, 'ttlSeconds'>>;

/** Deadlines counted from the moment the answer arrived. */
function fromAnswer(r: OtpTiming): { expires: number; resend: number } {
  const received = Date.now();
  const ttl = (r.ttlSeconds ?? 120) * 1000;
  const cooldown = Date.parse(r.resendAvailableAt) - (Date.parse(r.expiresAt) - ttl);
  return { expires: received + ttl, resend: received + cooldown };
}

/**
 * @param initial the code already sent: its server times (after a reload), or, with `fresh`, the
 *   answer that has just arrived.
 */
export function useOtpTimer(initial?: OtpTiming | null, opts: { fresh?: boolean } = {}) {
  const now = useNow();
  const [timing, setTiming] = useState<{ expires: number; resend: number } | null>(() =>
    !initial ? null : opts.fresh ? fromAnswer(initial) : { expires: Date.parse(initial.expiresAt), resend: Date.parse(initial.resendAvailableAt) },
  );
  /** The code can no longer be used (expired or too many wrong tries): stop the countdown. */
  const [dead, setDead] = useState(false);
  /** A code was just sent: count from now. */
  const sent = useCallback((r: OtpTiming) => {
    setTiming(fromAnswer(r));
    setDead(false);
  }, []);
  const left = timing && !dead ? Math.max(0, Math.ceil((timing.expires - now) / 1000)) : 0;
  const resendIn = timing ? Math.max(0, Math.ceil((timing.resend - now) / 1000)) : 0;
  return { started: timing !== null, left, resendIn, sent, kill: () => setDead(true) };
}

const mmss = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** "Mã OTP còn hiệu lực: 01:53 · Gửi lại sau 12 giây", and an announcement when it runs out. */
export function OtpTimerText({ timer, resendLabel, notice }: { timer: ReturnType<typeof useOtpTimer>; resendLabel: string; notice?: string | null }) {
  return (
    <>
      <div>
        {timer.started && timer.left > 0 && <Typography.Text strong>Mã OTP còn hiệu lực: {mmss(timer.left)}</Typography.Text>}
        {timer.started && timer.resendIn > 0 && <Typography.Text type="secondary"> · Gửi lại sau {timer.resendIn} giây</Typography.Text>}
      </div>
      {/* Announced once per change, not every second. */}
      <div aria-live="polite" style={{ marginTop: 4 }}>
        {timer.started && timer.left === 0 ? (
          <Typography.Text type="danger">Mã OTP đã hết hiệu lực. Nhấn {resendLabel} để nhận mã mới.</Typography.Text>
        ) : (
          notice && <Typography.Text type="success">{notice}</Typography.Text>
        )}
      </div>
    </>
  );
}

/** The 6-digit code field (name "otp"), with the phone's one-time-code autofill. */
export function OtpField({ label = 'Mã OTP', requiredMessage = 'Nhập mã OTP.', autoFocus }: { label?: string; requiredMessage?: string; autoFocus?: boolean }) {
  return (
    <Form.Item
      label={label}
      name="otp"
      rules={[
        { required: true, message: requiredMessage },
        { pattern: /^\s*\d{6}\s*$/, message: 'Mã OTP gồm 6 chữ số.' },
      ]}
    >
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 200 }} autoFocus={autoFocus} />
    </Form.Item>
  );
}
