import DataLoader from 'dataloader';
import { Identity } from './auth';
import { userInputError } from './errors';
import { postToSubgraph, subgraphUnavailable } from './graph-client';
import { requestLoader } from './loaders';

/** A registered business as police answers `serviceBusinessDistricts`: where it is and when it was open. */
export interface BusinessDistrict {
  id: string;
  districtId: string;
  openedOn: string;
  closedOn: string | null;
}

interface BusinessDistrictsBody {
  data?: { serviceBusinessDistricts?: (BusinessDistrict | null)[] | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Most ids police's `serviceBusinessDistricts` takes in one call. */
export const MAX_BUSINESS_DISTRICT_IDS = 1000;

const QUERY = 'query BusinessDistricts($ids: [ID!]!) { serviceBusinessDistricts(ids: $ids) { id districtId openedOn closedOn } }';

/**
 * A per-request loader of police's registry entries (district, opened, closed) by
 * business id, for a subgraph (`from`: health, labour) that attaches its records to
 * police's businesses. Every id a request needs goes into ONE police call (split only
 * past MAX_BUSINESS_DISTRICT_IDS); the subgraph never reads police's database. The call
 * is signed for the caller the request serves AND as the `from` service, which
 * `serviceBusinessDistricts` requires (access rule SERVICE). Null for an id police does
 * not know; SUBGRAPH_UNAVAILABLE naming police when police cannot answer.
 */
export function businessDistrictsLoader(from: string, identity: Identity, fetchImpl: typeof fetch = fetch): DataLoader<string, BusinessDistrict | null> {
  return requestLoader<string, BusinessDistrict | null>(async (keys) => {
    const ids = keys.map((id) => id.toLowerCase());
    const answers: (BusinessDistrict | null)[] = [];
    for (let start = 0; start < ids.length; start += MAX_BUSINESS_DISTRICT_IDS) {
      const slice = ids.slice(start, start + MAX_BUSINESS_DISTRICT_IDS);
      const body = await postToSubgraph<BusinessDistrictsBody>(from, 'police', { ...identity, service: from }, QUERY, { ids: slice }, 'BusinessDistricts', fetchImpl);
      const list = body.data?.serviceBusinessDistricts;
      if (!Array.isArray(list) || list.length !== slice.length) {
        const error = body.errors?.[0];
        throw subgraphUnavailable(from, 'police', `serviceBusinessDistricts gave no answer (${error?.message ?? 'no data'}${error?.extensions?.code ? ` [${error.extensions.code}]` : ''})`);
      }
      answers.push(...list);
    }
    return answers;
  });
}

export type BusinessDistrictsLoader = ReturnType<typeof businessDistrictsLoader>;

/** A record's link to a police business: the business, the district the record names, and the record's date. */
export interface BusinessLink {
  businessId: string;
  districtId: string;
  date: string;
  /** The input field of the date (checkedOn, heldOn), named in the error. */
  dateField: string;
}

/**
 * Refuses a record whose business police does not know (BAD_USER_INPUT on `businessId`),
 * whose district is not the business's own (on `districtId`), or whose date is outside
 * the business's opening and closing dates (on the date field). Throws
 * SUBGRAPH_UNAVAILABLE naming police when police cannot answer, so nothing is stored.
 */
export async function checkBusinessLink(loader: BusinessDistrictsLoader, link: BusinessLink): Promise<BusinessDistrict> {
  const business = await loader.load(link.businessId);
  if (!business) throw userInputError('businessId', `'${link.businessId}' is not a business registered with police`);
  if (business.districtId !== link.districtId) {
    throw userInputError('districtId', `'${link.districtId}' is not the district of business '${link.businessId}' in police's registry`);
  }
  if (link.date < business.openedOn) {
    throw userInputError(link.dateField, `${link.date} is before the business opened (${business.openedOn})`);
  }
  if (business.closedOn && link.date > business.closedOn) {
    throw userInputError(link.dateField, `${link.date} is after the business closed (${business.closedOn})`);
  }
  return business;
}
