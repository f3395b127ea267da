import { DataSource } from 'typeorm';
import {
  addDays, dataScale, insertChunks, sampleBusiness, sampleBusinessCount, sampleBusinessWindow, SAMPLE_DISTRICT_WEIGHT, sampleSharedClientCode, sampleSharedClientCount, SeededRandom, territory,
} from '@qn/common';
import { HarmReductionContact, HarmReductionService } from '../entities/harm-reduction-contact';
import { PeriodicHealthCheck } from '../entities/periodic-health-check';

const LAST_DAY = '2025-12-14';

/**
 * A deterministic, plausible health data set for 2021–2025: harm-reduction services for
 * about 250 clients (× QN_SCALE) known only by pseudonymous codes (some of them also
 * labour's clients, by the same shared codes), each seen a few times
 * a year while in contact, and yearly health checks of staff at about 60% of the
 * service businesses. Runs only on an empty database.
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
          HarmReductionService.CONDOM_DISTRIBUTION, HarmReductionService.CONDOM_DISTRIBUTION, HarmReductionService.CONDOM_DISTRIBUTION,
          HarmReductionService.OUTREACH, HarmReductionService.HIV_TEST, HarmReductionService.HIV_TEST,
          HarmReductionService.STI_TREATMENT, HarmReductionService.PREP, HarmReductionService.REFERRAL_SOCIAL_SERVICE,
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
        checks.push({
          businessId: business.id,
          checkedOn: random.date(window.from, window.to),
          staffChecked,
          staffReferred: random.chance(0.2) ? random.int(1, Math.min(3, staffChecked)) : 0,
          districtId: district.id,
        });
      }
    }
  }
  await insertChunks(dataSource, PeriodicHealthCheck, checks);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
