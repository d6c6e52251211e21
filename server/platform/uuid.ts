import { createHash } from 'node:crypto';

// RFC 4122's name space for ISO OIDs, which Spryker's UUID behaviour generates its UUIDs in.
const OID_NAMESPACE = Buffer.from('6ba7b8129dad11d180b400c04fd430c8', 'hex');

/**
 * A UUID as Spryker's Propel UUID behaviour makes it: version 5 of `<key prefix>.<id>` in the OID
 * name space (`customer_address.7`), so a row's UUID follows from its id and never changes.
 */
export function propelUuid(key: string): string {
  const hash = createHash('sha1').update(OID_NAMESPACE).update(key).digest();
  hash.writeUInt8(((hash.readUInt8(6) & 0x0f) | 0x50) >>> 0, 6);
  hash.writeUInt8(((hash.readUInt8(8) & 0x3f) | 0x80) >>> 0, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
