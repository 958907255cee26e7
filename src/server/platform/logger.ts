// pino with redaction configured once: no password, OTP, token or cookie ever reaches a log line.
import pino, { type Logger } from 'pino';

export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.otp',
  '*.token',
  '*.body',
  'payload.body',
];

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  id?: string;
}

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      // Query strings carry personal data (a CMND/CCCD in ?idNumber=): log the path only.
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0], ip: req.ip }),
      res: pino.stdSerializers.res,
      err: pino.stdSerializers.err,
    },
  });
}
