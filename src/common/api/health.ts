// The health check (health module): the process answers and the database with it.
import { Type } from 'typebox';
import { endpoint } from './contract.js';

export const getHealth = endpoint({
  method: 'GET',
  url: '/healthz',
  summary: 'Kiểm tra hoạt động: máy chủ và cơ sở dữ liệu có trả lời không',
  schema: {
    response: {
      200: Type.Object({ status: Type.Literal('ok') }),
      503: Type.Object({ status: Type.Literal('unavailable') }),
    },
  },
});
