// Hình thức nhận kết quả (issue 15): how the citizen receives the result, chosen at submission —
// online or at the desk — and stored on the dossier. By post it needs a delivery address (detail,
// xã/phường, tỉnh/thành phố of the 2025 units), the recipient's name and phone.

export const DELIVERY_METHODS = ['in_person', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const DELIVERY_LABELS: Record<DeliveryMethod, string> = {
  in_person: 'Nhận trực tiếp tại Bộ phận Một cửa',
  post: 'Nhận qua dịch vụ bưu chính công ích',
  electronic: 'Nhận bản điện tử (trên Cổng Dịch vụ công)',
};

export function isDeliveryMethod(v: unknown): v is DeliveryMethod {
  return typeof v === 'string' && (DELIVERY_METHODS as readonly string[]).includes(v);
}

/** A postal delivery address as stored on the dossier (names kept as they were at submission). */
export interface DeliveryAddress {
  recipientName: string;
  phone: string;
  address: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
}

/** "Số 12 phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội": what goes on the envelope. */
export function deliveryAddressLine(a: Pick<DeliveryAddress, 'address' | 'communeName' | 'provinceName'>): string {
  return [a.address, a.communeName, a.provinceName].filter(Boolean).join(', ');
}
