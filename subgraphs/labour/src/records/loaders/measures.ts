import { DataSource } from 'typeorm';
import { Measure, MeasureLoader, MeasureRequest, requestLoader, UnionStatements } from '@qn/common';
import { HealthServiceUsersLoader } from '../graph/health.client';
import { PoliceWorkforceLoader } from '../graph/police.client';
import { HEALTH_NUMERATOR_CODES, READINGS, REMOTE_DENOMINATORS } from '../indicators';

export interface RemoteParts {
  /** Police's workforce of service businesses (IND-1.3a's denominator). */
  workforce: PoliceWorkforceLoader;
  /** Health's count of persons it served (added to IND-4.2's numerator). */
  healthUsers: HealthServiceUsersLoader;
}

/**
 * For every request of the batch whose numerator health completes, the codes health is
 * asked about — all in ONE SQL statement (the requests' SELECTs joined by UNION ALL
 * with an index column), however many periods and districts.
 */
async function healthCodes(dataSource: DataSource, requests: { index: number; request: MeasureRequest }[]): Promise<Map<number, string[]>> {
  const statements = new UnionStatements();
  for (const { index, request } of requests) {
    statements.add((params) => `SELECT ${index} AS i, m.codes FROM (${HEALTH_NUMERATOR_CODES[request.code](request, params)}) m`);
  }
  const rows = await statements.run<{ i: number; codes: string[] | null }>(dataSource);
  return new Map(rows.map((r) => [Number(r.i), r.codes ?? []]));
}

/**
 * Labour's measure loader: every measure's SQL in one statement (common's
 * `measureLoader`), then the parts that are another agency's, from the graph:
 * - IND-1.3a's denominator: police's workforce of service businesses, one police
 *   request for the whole batch;
 * - IND-4.2's numerator: labour's own part from the SQL, plus the persons in need and
 *   eligible whom labour did not serve but health did — their codes from one more SQL
 *   statement for the whole batch, health's count from one health request.
 * If an agency fails, only the measures that need it fail (SUBGRAPH_UNAVAILABLE naming
 * it); the others still answer.
 */
export function withRemoteParts(dataSource: DataSource, sql: MeasureLoader, remote: RemoteParts): MeasureLoader {
  return requestLoader<MeasureRequest, Measure, string>(
    async (requests) => {
      const forHealth = requests.map((request, index) => ({ index, request })).filter(({ request }) => request.code in HEALTH_NUMERATOR_CODES);
      const [measures, codes] = await Promise.all([sql.loadMany(requests), healthCodes(dataSource, forHealth)]);
      return Promise.all(
        requests.map(async (request, i): Promise<Measure | Error> => {
          const measure = measures[i];
          if (measure instanceof Error) return measure;
          try {
            if (REMOTE_DENOMINATORS.has(request.code)) {
              const denominator = await remote.workforce.load({ period: request.period, orgUnit: request.orgUnit });
              const reading = READINGS[request.code];
              return {
                numerator: measure.numerator,
                denominator,
                inputs: [
                  { ...reading.numerator, value: measure.numerator, computedBy: 'LABOUR' },
                  { ...reading.denominator!, value: denominator, computedBy: 'POLICE' },
                ],
              };
            }
            if (codes.has(i)) {
              const served = await remote.healthUsers.load({ period: request.period, codes: codes.get(i)! });
              const labourPart = measure.numerator ?? 0;
              return {
                numerator: labourPart + served,
                denominator: measure.denominator,
                inputs: [
                  {
                    name: "persons served by labour's support and reintegration services",
                    value: labourPart,
                    computedBy: 'LABOUR',
                    source: 'labour support services (support_service_use)',
                  },
                  {
                    name: "further persons served by health's social-support services",
                    value: served,
                    computedBy: 'HEALTH',
                    source: 'health social-support services (healthServiceUsers)',
                  },
                  {
                    name: 'persons in need and eligible',
                    value: measure.denominator,
                    computedBy: 'LABOUR',
                    source: 'labour need assessments (need_assessment)',
                  },
                ],
              };
            }
            return measure;
          } catch (error) {
            return error as Error;
          }
        }),
      );
    },
    { cacheKeyFn: (r) => `${r.code}|${r.period.id}|${r.orgUnit.id}` },
  );
}
