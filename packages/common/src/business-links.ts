import { GraphQLError } from 'graphql';
import DataLoader from 'dataloader';
import { Identity } from './auth';
import { userInputError } from './errors';
import { ask, fieldOperation } from './graph-client';
import { requestLoader } from './loaders';
import { placeOnDate } from './indicators';
import { LongLivedPlace, longLivedPlace, OrgUnitRecord, REFORM_DATE, territory } from './territory';

/**
 * A registered business as police answers `serviceBusinessDistricts`: where it is and when
 * it was open. A business registered before 1/7/2025 has its district (and old commune,
 * where police knows it) and, if it operates on or after 1/7/2025, the commune-level unit
 * it lies in from then; one opened after the reform has only that unit.
 */
export interface BusinessDistrict {
  id: string;
  districtId: string | null;
  communeId: string | null;
  communeAfterReformId: string | null;
  openedOn: string;
  closedOn: string | null;
}

/** The place fields of a business, as police keeps them. */
export type BusinessPlaceFields = Pick<BusinessDistrict, 'districtId' | 'communeId' | 'communeAfterReformId'>;

/**
 * Where a business stood on a date, by the one rule for a place: before 1/7/2025 its
 * district (and old commune), from 1/7/2025 its commune-level unit and no district.
 */
export function businessPlaceOn(business: BusinessPlaceFields, on: string): { districtId: string | null; communeId: string | null } {
  return on < REFORM_DATE ? { districtId: business.districtId, communeId: business.communeId } : { districtId: null, communeId: business.communeAfterReformId };
}

/**
 * The SQL of a business's place on a date (for `scopeFilter`'s columns): `alias` is the
 * service_business row, `dateSql` the date the record is placed on (an inspection's date, a
 * period's last day…). The long-lived place's SQL (`placeOnDate`) on police's columns.
 */
export function businessPlaceSql(alias: string, dateSql: string): { district: string; commune: string } {
  return placeOnDate(dateSql, { district: `${alias}.district_id`, commune: `${alias}.commune_id`, communeAfterReform: `${alias}.commune_after_reform_id` });
}

const unitList = (links: { unit: OrgUnitRecord; part: boolean }[]) => links.map((l) => `${l.unit.id} ${l.unit.name}${l.part ? ' (part)' : ''}`).join(', ');

/**
 * A business's place, a long-lived place (`longLivedPlace`): its district (and old commune)
 * on the day it opened and the commune-level unit it lies in from 1/7/2025. That unit is
 * none for a business that closed before the reform (and then none may be given); when
 * given, it must be one its old commune (or, without one, its district's communes) went to;
 * when not, it is the one successor of its old commune (or of Lý Sơn's district) if that
 * went whole to one unit, while a split old commune (Trà Bùi) needs it named, and a business
 * known only by its district stays without one until police names it — records dated from
 * 1/7/2025 cannot name such a business until then (`checkBusinessLink`). A business opened
 * after the reform is placed in its unit (communeId, or communeAfterReformId) and has no
 * district.
 */
export function businessPlace(
  b: { districtId: string | null; communeId: string | null; communeAfterReformId: string | null; openedOn: string; closedOn: string | null },
  field = 'communeAfterReformId',
): LongLivedPlace {
  if (b.openedOn >= REFORM_DATE) {
    return longLivedPlace({ ...b, communeId: b.communeId ?? b.communeAfterReformId }, b.openedOn, { what: 'business' });
  }
  if (b.closedOn && b.closedOn < REFORM_DATE) {
    if (b.communeAfterReformId)
      throw userInputError(
        field,
        `the business closed on ${b.closedOn}, before ${REFORM_DATE}: it has no commune-level unit of the new territory; leave ${field} out`,
      );
    return longLivedPlace(b, b.openedOn, { what: 'business' });
  }
  const before = territory.place(b, b.openedOn);
  const old = before.communeId ?? before.districtId!;
  const candidates = territory.successors(old, REFORM_DATE).filter((l) => l.unit.inPlanScope);
  let after = b.communeAfterReformId;
  if (!after && candidates.length === 1 && !candidates[0].part) after = candidates[0].unit.id;
  if (!after && before.communeId) {
    throw userInputError(
      field,
      `the business operates on or after ${REFORM_DATE} and its old commune '${old}' went to ${unitList(candidates)}: name the one it lies in`,
    );
  }
  const place = longLivedPlace({ ...before, communeAfterReformId: after }, b.openedOn, { what: 'business' });
  const allowed = before.communeId ? candidates : districtSuccessors(before.districtId!);
  if (place.communeAfterReformId && !allowed.some((l) => l.unit.id === place.communeAfterReformId)) {
    throw userInputError(
      field,
      `'${place.communeAfterReformId}' (${territory.get(place.communeAfterReformId)!.name}) is not a unit its ${before.communeId ? `old commune '${before.communeId}'` : `district '${before.districtId}'`} went to on ${REFORM_DATE}; it went to ${unitList(allowed)}`,
    );
  }
  return place;
}

/** The units of the plan's territory that a district's communes (or the district itself, Lý Sơn) went to on 1/7/2025. */
function districtSuccessors(districtId: string): { unit: OrgUnitRecord; part: boolean }[] {
  const out = new Map<string, { unit: OrgUnitRecord; part: boolean }>();
  const olds = [districtId, ...territory.list({ level: 'COMMUNE', parentId: districtId }).map((c) => c.id)];
  for (const old of olds) for (const link of territory.successors(old, REFORM_DATE)) if (link.unit.inPlanScope) out.set(link.unit.id, link);
  return [...out.values()];
}

/** Most ids police's `serviceBusinessDistricts` takes in one field; more are asked under several aliases of one call. */
export const MAX_BUSINESS_DISTRICT_IDS = 1000;

/** Police's answer for a slice of ids: one entry (or null) per id asked. */
const isBusinessDistricts = (value: unknown, item: Readonly<Record<string, unknown>>): value is (BusinessDistrict | null)[] =>
  Array.isArray(value) && value.length === (item.ids as string[]).length;

const SERVICE_BUSINESS_DISTRICTS = fieldOperation({
  name: 'BusinessDistricts',
  field: 'serviceBusinessDistricts',
  args: { ids: '[ID!]!' },
  selection: 'id districtId communeId communeAfterReformId openedOn closedOn',
  accept: isBusinessDistricts,
});

/**
 * A per-request loader of police's registry entries (place, opened, closed) by
 * business id, for a subgraph (`from`: health, labour) that attaches its records to
 * police's businesses. Every id a request needs goes into ONE call to the subgraph that
 * resolves `serviceBusinessDistricts` (police), one alias per MAX_BUSINESS_DISTRICT_IDS;
 * the subgraph never reads police's database. The call is signed by `from` for the caller
 * the request serves (graph-client.ts), so police knows the `from` service asks, which
 * `serviceBusinessDistricts` requires (access rule SERVICE). Null for an id police does
 * not know; SUBGRAPH_UNAVAILABLE naming police when police cannot answer.
 */
export function businessDistrictsLoader(from: string, identity: Identity, fetchImpl: typeof fetch = fetch): DataLoader<string, BusinessDistrict | null> {
  return requestLoader<string, BusinessDistrict | null>(async (keys) => {
    const ids = keys.map((id) => id.toLowerCase());
    const slices: string[][] = [];
    for (let start = 0; start < ids.length; start += MAX_BUSINESS_DISTRICT_IDS) slices.push(ids.slice(start, start + MAX_BUSINESS_DISTRICT_IDS));
    const answers = await ask(
      from,
      SERVICE_BUSINESS_DISTRICTS,
      slices.map((slice) => ({ ids: slice })),
      identity,
      fetchImpl,
    );
    return answers.flatMap((answer, i): (BusinessDistrict | null | GraphQLError)[] => (answer instanceof Error ? slices[i].map(() => answer) : answer));
  });
}

export type BusinessDistrictsLoader = ReturnType<typeof businessDistrictsLoader>;

/** A record's link to a police business: the business, the place the record names (by `territory.place`), and the record's date. */
export interface BusinessLink {
  businessId: string;
  districtId: string | null;
  communeId?: string | null;
  date: string;
  /** The input field of the date (checkedOn, heldOn), named in the error. */
  dateField: string;
}

/**
 * Refuses a record whose business police does not know (BAD_USER_INPUT on `businessId`),
 * whose date is outside the business's opening and closing dates (on the date field), or
 * whose place on its date is not the business's place on that date: before 1/7/2025 the
 * same district (on `districtId`) and, where both name one, the same commune; from
 * 1/7/2025 the same commune-level unit (on `communeId`). Throws SUBGRAPH_UNAVAILABLE
 * naming police when police cannot answer, so nothing is stored.
 */
export async function checkBusinessLink(loader: BusinessDistrictsLoader, link: BusinessLink): Promise<BusinessDistrict> {
  const business = await loader.load(link.businessId);
  if (!business) throw userInputError('businessId', `'${link.businessId}' is not a business registered with police`);
  if (link.date < business.openedOn) {
    throw userInputError(link.dateField, `${link.date} is before the business opened (${business.openedOn})`);
  }
  if (business.closedOn && link.date > business.closedOn) {
    throw userInputError(link.dateField, `${link.date} is after the business closed (${business.closedOn})`);
  }
  // The business's own place is not told: a caller of another district learns only that theirs is not it.
  const place = businessPlaceOn(business, link.date);
  if (link.date < REFORM_DATE) {
    if (place.districtId !== link.districtId) {
      throw userInputError(
        'districtId',
        `'${link.districtId ?? ''}' is not the district of business '${link.businessId}' in police's registry on ${link.date}`,
      );
    }
    if (link.communeId && place.communeId && place.communeId !== link.communeId) {
      throw userInputError('communeId', `'${link.communeId}' is not the commune of business '${link.businessId}' in police's registry on ${link.date}`);
    }
  } else {
    if (!place.communeId) {
      throw userInputError(
        'businessId',
        `police's registry has no commune-level unit from ${REFORM_DATE} for business '${link.businessId}': police names it (updateServiceBusiness, communeAfterReformId) before records of ${link.date} can name the business`,
      );
    }
    if (place.communeId !== link.communeId) {
      throw userInputError(
        'communeId',
        `'${link.communeId ?? ''}' is not the commune-level unit of business '${link.businessId}' in police's registry on ${link.date}`,
      );
    }
  }
  return business;
}
