// Hình thức nhận kết quả (issue 15): the choice made at submission — online (required) or at the
// desk (defaults to in person: the citizen is there) — checked here, stored on the dossier, and
// shown back. By post the address is checked against the 2025 administrative units.
import { DELIVERY_LABELS, deliveryAddressLine, isDeliveryMethod, type DeliveryAddress, type DeliveryMethod } from '../../../common/delivery.js';
import { searchKey, cleanText } from '../../../common/text.js';
import { normalizeMobile } from '../../../common/vn-ids.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { adminUnitsByCodes, listAdminUnits } from '../agencies/service.js';
import type { UserRow } from '../users/service.js';

export interface DeliveryInputRaw {
  method?: string;
  post?: { recipientName?: string; phone?: string; address?: string; communeCode?: string; provinceCode?: string };
}

export interface DeliveryChoice {
  method: DeliveryMethod;
  address: DeliveryAddress | null;
}

/**
 * The delivery choice of a new dossier, or the stable error saying what is wrong. `fallback` is
 * the method used when none was sent (the desk's in-person default); online filing passes none.
 */
export async function checkDelivery(db: DbOrTx, input: DeliveryInputRaw | undefined, fallback?: DeliveryMethod): Promise<DeliveryChoice> {
  const method = input?.method ?? fallback;
  if (method === undefined || method === '') throw new AppError('DELIVERY_METHOD_REQUIRED');
  if (!isDeliveryMethod(method)) throw new AppError('DELIVERY_METHOD_INVALID');
  if (method !== 'post') return { method, address: null };
  const p = input?.post ?? {};
  const recipientName = cleanText(p.recipientName ?? '');
  const address = cleanText(p.address ?? '');
  const phoneRaw = cleanText(p.phone ?? '');
  const communeCode = cleanText(p.communeCode ?? '');
  const provinceCode = cleanText(p.provinceCode ?? '');
  const missing = [
    !address && 'address',
    !communeCode && 'communeCode',
    !provinceCode && 'provinceCode',
    recipientName.length < 2 && 'recipientName',
    !phoneRaw && 'phone',
  ].filter((f): f is string => typeof f === 'string');
  if (missing.length) throw new AppError('DELIVERY_ADDRESS_REQUIRED', { details: { fields: missing } });
  const phone = normalizeMobile(phoneRaw);
  if (!phone) throw new AppError('DELIVERY_PHONE_INVALID', { details: { fields: ['phone'] } });
  const units = await adminUnitsByCodes(db, [communeCode, provinceCode]);
  const province = units.find((u) => u.code === provinceCode && u.level === 'province');
  const commune = units.find((u) => u.code === communeCode && u.level === 'commune');
  if (!province || !commune || commune.provinceCode !== province.code) {
    throw new AppError('DELIVERY_ADDRESS_UNIT_INVALID', { details: { fields: ['communeCode', 'provinceCode'] } });
  }
  return {
    method,
    address: { recipientName, phone, address, communeCode, communeName: commune.name, provinceCode, provinceName: province.name },
  };
}

/** The choice as a dossier's detail shows it; null for dossiers filed before it was asked. */
export function deliveryView(row: { deliveryMethod: string | null; deliveryAddress: unknown }) {
  if (!isDeliveryMethod(row.deliveryMethod)) return null;
  const a = row.deliveryAddress as DeliveryAddress | null;
  return {
    method: row.deliveryMethod,
    label: DELIVERY_LABELS[row.deliveryMethod],
    post: row.deliveryMethod === 'post' && a ? { ...a, line: deliveryAddressLine(a) } : null,
  };
}

/** "Đăng ký nhận kết quả tại" of the receipt, from the stored choice; null when none was made. */
export function returnPlaceOf(row: { deliveryMethod: string | null; deliveryAddress: unknown }, agencyName: string): string | null {
  const v = deliveryView(row);
  if (!v) return null;
  if (v.method === 'post' && v.post) return `Qua dịch vụ bưu chính công ích, gửi tới ${v.post.recipientName} (${v.post.phone}), ${v.post.line}`;
  if (v.method === 'electronic') return 'Bản điện tử (kết quả điện tử gửi về tài khoản trên Cổng Dịch vụ công)';
  return `Trực tiếp tại Bộ phận tiếp nhận và trả kết quả ${agencyName}`;
}

/**
 * The postal address proposed to the citizen: their name and phone, and their address split into
 * the detail, xã/phường and tỉnh/thành phố when its last two parts name a 2025 commune of a
 * 2025 province ("Số 12 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội"); otherwise the whole
 * address as the detail, for the citizen to complete.
 */
export async function deliveryPrefill(db: DbOrTx, user: UserRow, residence: string | null | undefined) {
  const base = { recipientName: user.fullName, phone: user.phone ?? null, address: null as string | null, communeCode: null as string | null, provinceCode: null as string | null };
  const text = cleanText(residence || user.permanentAddress || '');
  if (!text) return base;
  const parts = text.split(',').map((x) => x.trim()).filter(Boolean);
  if (parts.length >= 3) {
    const key = (s: string) => searchKey(s).replace(/^(tinh|thanh pho|tp\.?)\s+/, '').replace(/^(phuong|xa|dac khu|thi tran)\s+/, '');
    const provinces = await listAdminUnits(db);
    const province = provinces.find((p) => key(p.name) === key(parts[parts.length - 1]!) && searchKey(p.name) === searchKey(parts[parts.length - 1]!)) ??
      provinces.find((p) => key(p.name) === key(parts[parts.length - 1]!));
    if (province) {
      const communes = await listAdminUnits(db, province.code);
      const last2 = parts[parts.length - 2]!;
      const commune = communes.find((c) => searchKey(c.name) === searchKey(last2)) ?? communes.find((c) => key(c.name) === key(last2));
      if (commune) return { ...base, address: parts.slice(0, -2).join(', '), communeCode: commune.code, provinceCode: province.code };
      return { ...base, address: parts.slice(0, -1).join(', '), provinceCode: province.code };
    }
  }
  return { ...base, address: text };
}

/** The provinces, or the communes of one province, for the address of a postal delivery (any signed-in user). */
export async function addressUnits(ctx: Ctx, provinceCode?: string) {
  if (!ctx.actor) throw new AppError('NOT_AUTHENTICATED');
  const code = cleanText(provinceCode ?? '');
  return listAdminUnits(ctx.deps.db, code || undefined);
}
