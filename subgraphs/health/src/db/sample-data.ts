import { DataSource } from 'typeorm';
import { addDays, OrgUnitRecord, REFORM_DATE, territory } from '@qn/common';
import {
  dataScale,
  insertChunks,
  SAMPLE_DISTRICT_WEIGHT,
  sampleBusiness,
  sampleBusinessCount,
  sampleBusinessWindow,
  sampleSharedClientCode,
  sampleSharedClientCount,
  SeededRandom,
} from '@qn/dev';
import { HarmReductionContact, HarmReductionService } from '../entities/harm-reduction-contact';
import { PeriodicHealthCheck } from '../entities/periodic-health-check';

const LAST_DAY = '2025-12-14';

/**
 * A deterministic, plausible health data set for 2021–2025: harm-reduction services for
 * about 250 clients (× QN_SCALE) known only by pseudonymous codes (some of them also
 * labour's clients, by the same shared codes), each seen a few times
 * a year while in contact, and yearly health checks of staff at about 60% of the
 * service businesses. From 1/7/2025 a contact or check stands in a commune-level unit and no
 * district: a client's services in the unit formed from their district where they are seen
 * (drawn per client from a stream of its own), a check at its business's unit, and a few
 * clients first seen after the reform (`generateAfterReform`). Runs only on an empty database.
 */
export async function generateSampleData(dataSource: DataSource): Promise<void> {
  if (await dataSource.getRepository(HarmReductionContact).exist()) return;
  const random = new SeededRandom('health');
  const scale = dataScale();
  const districts = territory.districtsDuring('2021-01-01', '2025-07-01');

  const contacts: Partial<HarmReductionContact>[] = [];
  const codes = new Set<string>();
  for (const district of districts) {
    const clients = Math.round((SAMPLE_DISTRICT_WEIGHT[district.id] ?? 1) * 2 * scale);
    // The first few clients of a district are also labour's (the same codes in labour's generated clients).
    const shared = sampleSharedClientCount(district.id, scale);
    for (let i = 0; i < clients; i++) {
      let clientCode: string;
      do {
        clientCode = random.clientCode();
      } while (codes.has(clientCode));
      if (i < shared) clientCode = sampleSharedClientCode(district.id, i + 1);
      codes.add(clientCode);
      const firstSeen = random.date('2021-01-01', '2025-06-30');
      const lastSeen = minDate(addDays(firstSeen, random.int(60, 900)), LAST_DAY);
      // A first contact is outreach; then condoms most often, HIV tests twice a year or so, PrEP from 2022.
      contacts.push({ clientCode, contactedOn: firstSeen, districtId: district.id, service: HarmReductionService.OUTREACH });
      const visits = Math.max(1, Math.round(((Date.parse(lastSeen) - Date.parse(firstSeen)) / 86400000 / 365) * random.int(3, 8)));
      for (let v = 0; v < visits; v++) {
        const contactedOn = random.date(firstSeen, lastSeen);
        const service = random.pick([
          HarmReductionService.CONDOM_DISTRIBUTION,
          HarmReductionService.CONDOM_DISTRIBUTION,
          HarmReductionService.CONDOM_DISTRIBUTION,
          HarmReductionService.OUTREACH,
          HarmReductionService.HIV_TEST,
          HarmReductionService.HIV_TEST,
          HarmReductionService.STI_TREATMENT,
          HarmReductionService.PREP,
          HarmReductionService.REFERRAL_SOCIAL_SERVICE,
        ]);
        contacts.push({
          clientCode,
          contactedOn,
          districtId: district.id,
          service: service === HarmReductionService.PREP && contactedOn < '2022-01-01' ? HarmReductionService.HIV_TEST : service,
        });
      }
    }
  }
  const units = unitsAfterReform();
  for (const c of contacts) {
    if (c.contactedOn! < REFORM_DATE) continue;
    c.communeId = clientUnit(
      c.clientCode!,
      units.filter((u) => u.districtIds.includes(c.districtId!)),
    );
    c.districtId = null;
  }
  await insertChunks(dataSource, HarmReductionContact, contacts);

  const checks: Partial<PeriodicHealthCheck>[] = [];
  for (const district of districts) {
    const businesses = sampleBusinessCount(district.id, scale);
    for (let index = 1; index <= businesses; index++) {
      const business = sampleBusiness(district.id, index);
      for (let year = 2021; year <= 2025; year++) {
        if (!random.chance(0.5 + 0.04 * (year - 2021))) continue;
        // Checks happen only while the business operates.
        const window = sampleBusinessWindow(business, `${year}-02-15`, year === 2025 ? LAST_DAY : `${year}-11-30`);
        if (!window) continue;
        const staffChecked = random.int(2, Math.max(2, business.employees));
        const checkedOn = random.date(window.from, window.to);
        checks.push({
          businessId: business.id,
          checkedOn,
          staffChecked,
          staffReferred: random.chance(0.2) ? random.int(1, Math.min(3, staffChecked)) : 0,
          // Where the business stood that day (police's registry): its district, or its unit from 1/7/2025.
          ...(checkedOn < REFORM_DATE ? { districtId: district.id } : { districtId: null, communeId: business.communeAfterReformId }),
        });
      }
    }
  }
  await insertChunks(dataSource, PeriodicHealthCheck, checks);

  await generateAfterReform(dataSource, codes, units, scale);
}

/** The plan's commune-level units of 1/7/2025, each with the districts it was formed from. */
function unitsAfterReform(): { unit: OrgUnitRecord; districtIds: string[] }[] {
  return territory.list({ level: 'COMMUNE', at: REFORM_DATE, inPlanScope: true }).map((unit) => ({
    unit,
    districtIds: [...new Set(territory.predecessors(unit.id).map((l) => (l.unit.level === 'DISTRICT' ? l.unit.id : l.unit.parentId!)))],
  }));
}

/** The unit a client is seen in from 1/7/2025: one formed from their district, the same for all their services. */
function clientUnit(clientCode: string, units: { unit: OrgUnitRecord }[]): string {
  return new SeededRandom(`health-client-unit-${clientCode}`).pick(units).unit.id;
}

/**
 * Clients first seen from 1/7/2025 to the 2025 cut-off, at the rate of the years before (a
 * district's clients over 4½ years, for half a year), in the units formed from its district:
 * an outreach contact, then services a few times a month. A stream of its own, after
 * everything else, so the data of 2021 to 30/6/2025 is exactly as before.
 */
async function generateAfterReform(
  dataSource: DataSource,
  codes: Set<string>,
  units: { unit: OrgUnitRecord; districtIds: string[] }[],
  scale: number,
): Promise<void> {
  const random = new SeededRandom('health-after-reform');
  const contacts: Partial<HarmReductionContact>[] = [];
  for (const district of territory.districtsDuring('2021-01-01', REFORM_DATE)) {
    const newClients = Math.round(((SAMPLE_DISTRICT_WEIGHT[district.id] ?? 1) * 2 * scale) / 9);
    const around = units.filter((u) => u.districtIds.includes(district.id));
    for (let i = 0; i < newClients; i++) {
      let clientCode: string;
      do {
        clientCode = random.clientCode();
      } while (codes.has(clientCode));
      codes.add(clientCode);
      const communeId = clientUnit(clientCode, around);
      const firstSeen = random.date(REFORM_DATE, '2025-11-30');
      contacts.push({ clientCode, contactedOn: firstSeen, districtId: null, communeId, service: HarmReductionService.OUTREACH });
      const visits = Math.max(1, Math.round(((Date.parse(LAST_DAY) - Date.parse(firstSeen)) / 86400000 / 365) * random.int(3, 8)));
      for (let v = 0; v < visits; v++) {
        contacts.push({
          clientCode,
          contactedOn: random.date(firstSeen, LAST_DAY),
          districtId: null,
          communeId,
          service: random.pick([
            HarmReductionService.CONDOM_DISTRIBUTION,
            HarmReductionService.CONDOM_DISTRIBUTION,
            HarmReductionService.HIV_TEST,
            HarmReductionService.PREP,
            HarmReductionService.STI_TREATMENT,
            HarmReductionService.REFERRAL_SOCIAL_SERVICE,
          ]),
        });
      }
    }
  }
  await insertChunks(dataSource, HarmReductionContact, contacts);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
