// Cơ sở dữ liệu quốc gia về dân cư (the national population database): what the e-forms prefill
// from (issue 6). A port, a production HTTP adapter and a local simulator with the same HTTP
// contract (docs/integrations.md).

export interface HouseholdMember {
  idNumber: string | null;
  fullName: string;
  birthDate: string;
  /** Quan hệ với chủ hộ: "Chủ hộ", "Vợ", "Con", … */
  relation: string;
}

export interface PopulationRecord {
  idNumber: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  ethnicity: string;
  nationality: string;
  permanentAddress: string;
  currentAddress: string;
  householdId: string;
  household: HouseholdMember[];
}

export interface PopulationPort {
  /** The resident with this CCCD, or null when the database has none. Throws PopulationUnavailable. */
  findByIdNumber(idNumber: string): Promise<PopulationRecord | null>;
}

/** The database did not answer properly (down, timeout, refused credentials, malformed answer). */
export class PopulationUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PopulationUnavailable';
  }
}
