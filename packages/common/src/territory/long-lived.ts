import { userInputError } from '../errors';
import { REFORM_DATE, territory } from './index';

export interface LongLivedPlace {
  districtId: string | null;
  communeId: string | null;
  communeAfterReformId: string | null;
}

/**
 * The place of a long-lived record (an industrial zone, an institution, a person followed by
 * support services, a pilot model), which stands across 1/7/2025: where it was on its own
 * date by the one rule (`territory.place`), and the commune-level unit it is in from
 * 1/7/2025 (`communeAfterReformId`, the shape police's service businesses use). A record
 * placed on or after 1/7/2025 is in that unit already (given or not, it is its commune);
 * one placed before names it when it is still in use after 30/6/2025 (`inUseAfterReform`),
 * and may name it earlier. The unit must be one of the plan's commune-level units of 1/7/2025.
 */
export function longLivedPlace(
  input: { districtId?: string | null; communeId?: string | null; communeAfterReformId?: string | null },
  on: string,
  options: { commune?: 'required' | 'optional'; inUseAfterReform?: boolean; what?: string } = {},
): LongLivedPlace {
  const place = territory.place(input, on, { commune: options.commune });
  const after = input.communeAfterReformId || null;
  if (on >= REFORM_DATE) {
    if (after && after !== place.communeId) {
      throw userInputError(
        'communeAfterReformId',
        `a ${options.what ?? 'record'} placed on ${on} is in its communeId '${place.communeId}' from the start; leave communeAfterReformId out or give the same unit`,
      );
    }
    return { ...place, communeAfterReformId: place.communeId };
  }
  if (!after) {
    if (options.inUseAfterReform) {
      const units = territory.list({ level: 'COMMUNE', at: REFORM_DATE, inPlanScope: true });
      const formed = place.communeId ?? place.districtId!;
      const likely = units.filter(
        (u) =>
          territory.successors(formed, REFORM_DATE).some((l) => l.unit.id === u.id) ||
          territory.predecessors(u.id).some((l) => l.unit.parentId === place.districtId),
      );
      throw userInputError(
        'communeAfterReformId',
        `the ${options.what ?? 'record'} is in use after 30/6/2025, when there is no district level: name the commune-level unit it is in from ${REFORM_DATE} (communeAfterReformId), one of those formed from ${territory.get(formed)?.name ?? formed}: ${likely
          .slice(0, 12)
          .map((u) => `${u.id} ${u.name}`)
          .join(', ')}`,
      );
    }
    return { ...place, communeAfterReformId: null };
  }
  const unit = territory.place({ communeId: after }, REFORM_DATE, { fields: { commune: 'communeAfterReformId' } });
  return { ...place, communeAfterReformId: unit.communeId };
}
