import DataLoader from 'dataloader';
import { Measure, MeasureLoader, MeasureRequest } from '@qn/common';
import { PoliceWorkforceLoader } from '../graph/police.client';
import { REMOTE_DENOMINATORS } from '../indicators';

/**
 * Labour's measure loader: every measure's SQL in one statement (common's
 * `measureLoader`), then, for the indicators whose denominator is another agency's
 * (IND-1.3a: police's workforce of service businesses), the denominator from the
 * graph — one police request for the whole batch. If police fails, only those
 * measures fail (with SUBGRAPH_UNAVAILABLE); the others still answer.
 */
export function withRemoteDenominators(sql: MeasureLoader, workforce: PoliceWorkforceLoader): MeasureLoader {
  return new DataLoader<MeasureRequest, Measure, string>(
    async (requests) => {
      const measures = await sql.loadMany(requests);
      return Promise.all(
        requests.map(async (request, i) => {
          const measure = measures[i];
          if (measure instanceof Error || !REMOTE_DENOMINATORS.has(request.code)) return measure;
          try {
            const denominator = await workforce.load({ period: request.period, orgUnit: request.orgUnit });
            return { numerator: measure.numerator, denominator };
          } catch (error) {
            return error as Error;
          }
        }),
      );
    },
    { cacheKeyFn: (r) => `${r.code}|${r.period.id}|${r.orgUnit.id}` },
  );
}
