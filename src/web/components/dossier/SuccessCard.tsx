// The success page of a dossier just filed or received: a title, the lines under it (code,
// appointment, notice) and the buttons (receipt, next step).
import { Card, Result, Space } from 'antd';
import type { ReactNode } from 'react';

export function SuccessCard({ title, extra, children }: { title: string; extra: ReactNode[]; children: ReactNode }) {
  return (
    <Card>
      <Result
        status="success"
        title={title}
        subTitle={
          <Space orientation="vertical" size={4}>
            {children}
          </Space>
        }
        extra={extra}
      />
    </Card>
  );
}
