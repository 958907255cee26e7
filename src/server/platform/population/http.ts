// Production adapter: GET ${POPULATION_URL}/v1/citizens/{CCCD} with a bearer token.
import { PopulationUnavailable, type PopulationPort, type PopulationRecord } from './port.js';

export class HttpPopulationAdapter implements PopulationPort {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 5000,
  ) {}

  async findByIdNumber(idNumber: string): Promise<PopulationRecord | null> {
    if (!/^\d{12}$/.test(idNumber)) return null; // the database knows 12-digit CCCD numbers only
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl.replace(/\/+$/, '')}/v1/citizens/${idNumber}`, {
        headers: { accept: 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new PopulationUnavailable(`population database unreachable: ${(err as Error).message}`);
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new PopulationUnavailable(`population database answered ${res.status}`);
    const body = (await res.json().catch(() => null)) as PopulationRecord | null;
    if (!body || body.idNumber !== idNumber || typeof body.fullName !== 'string' || !Array.isArray(body.household)) {
      throw new PopulationUnavailable('population database answered with an unexpected body');
    }
    return body;
  }
}
