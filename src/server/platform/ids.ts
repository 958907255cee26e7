import { uuidv7 } from 'uuidv7';

/** Time-ordered UUID v7 primary keys (index-friendly, no shared sequence). */
export function newId(): string {
  return uuidv7();
}
