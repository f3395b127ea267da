import { DataSource } from 'typeorm';
import { addDays, REFORM_DATE, territory } from '@qn/common';
import {
  dataScale,
  insertChunks,
  sampleBusiness,
  sampleBusinessCount,
  sampleBusinessWindow,
  sampleSharedClientCode,
  sampleSharedClientCount,
  SeededRandom,
} from '@qn/dev';
import type { OrgUnitRecord } from '@qn/common';
import { CommunicationActivity, CommunicationAudience, CommunicationForm } from './entities/communication-activity';
import { DistrictPlan, IntegratedProgramme, ProgrammeIntegration } from './entities/district-plan';
import { PilotKind, PilotModel } from './entities/pilot-model';
import { NeedAssessment, SupportClient, SupportServiceKind, SupportServiceUse } from './entities/support';
import { StaffInPost, StaffLevel, TrainingCourse } from './entities/training';
import { BusinessOutreach, IndustrialZone, ZoneKind, ZoneOutreach, ZoneWorkforce } from './entities/worker-outreach';

const YEARS = [2021, 2022, 2023, 2024, 2025];
/**
 * The records by district stop before the 2025 reform of the district level, and at the
 * yearly data cut-off; from 1/7/2025 to the cut-off `generateAfterReform` places them on
 * the new commune-level units.
 */
const lastDay = (year: number) => (year === 2025 ? '2025-06-30' : `${year}-12-14`);
/** The data cut-off of 2025 (the 14th before the yearly report). */
const LAST_DAY = '2025-12-14';

/** How active each district-level unit is (0..1): urban and coastal units more, remote mountain units less. */
const ACTIVITY: Record<string, number> = {
  '522': 0.95,
  '524': 0.9,
  '534': 0.85,
  '527': 0.8,
  '528': 0.8,
  '533': 0.75,
  '532': 0.7,
  '536': 0.7,
  '529': 0.55,
  '525': 0.5,
  '535': 0.45,
  '531': 0.45,
  '530': 0.4,
};
const FORMS = Object.values(CommunicationForm);
const AUDIENCES = Object.values(CommunicationAudience);
/** The zones, their district until 30/6/2025 and the commune-level unit their management lies in from 1/7/2025. */
const ZONES: { name: string; kind: ZoneKind; districtId: string; communeAfterReformId: string; workers: number }[] = [
  { name: 'KKT Dung Quất', kind: ZoneKind.ECONOMIC_ZONE, districtId: '524', communeAfterReformId: '21061-2025-07', workers: 28000 },
  { name: 'KCN VSIP Quảng Ngãi', kind: ZoneKind.INDUSTRIAL_PARK, districtId: '527', communeAfterReformId: '21181-2025-07', workers: 16000 },
  { name: 'KCN Tịnh Phong', kind: ZoneKind.INDUSTRIAL_PARK, districtId: '527', communeAfterReformId: '21181-2025-07', workers: 9000 },
  { name: 'KCN Quảng Phú', kind: ZoneKind.INDUSTRIAL_PARK, districtId: '522', communeAfterReformId: '21028-2025-07', workers: 7000 },
  { name: 'KCN Phổ Phong', kind: ZoneKind.INDUSTRIAL_PARK, districtId: '534', communeAfterReformId: '21457-2025-07', workers: 2500 },
];

/**
 * A deterministic, plausible labour data set for 2021–2025 over the 13 district-level
 * units and their communes (× QN_SCALE for the record counts): communication that
 * grows towards the 70% of communes, outreach to zone and business workers around
 * the targets, yearly district plans and integration, two pilots, support by
 * pseudonymous code, training and staff in post. Remote districts fall below target.
 * Runs only on an empty database (no communication activity yet).
 */
export async function generateRecordsSampleData(dataSource: DataSource): Promise<void> {
  if (await dataSource.getRepository(CommunicationActivity).exist()) return;
  const random = new SeededRandom('labour');
  const scale = dataScale();
  const districts = territory.districtsDuring('2021-01-01', '2025-07-01');

  // Communication: each commune is active in a year with a chance growing over the programme.
  const activities: Partial<CommunicationActivity>[] = [];
  for (const year of YEARS) {
    const from = `${year}-01-01`;
    const to = lastDay(year);
    for (const district of districts) {
      const weight = ACTIVITY[district.id] ?? 0.5;
      for (const commune of territory.communesDuring(from, addDays(to, 1), district.id)) {
        if (!random.chance(Math.min(0.97, weight * (0.6 + 0.1 * (year - 2021)) + 0.1))) continue;
        const validFrom = commune.validFrom > from ? commune.validFrom : from;
        const validTo = commune.validTo && addDays(commune.validTo, -1) < to ? addDays(commune.validTo, -1) : to;
        if (validFrom > validTo) continue;
        const count = Math.max(1, Math.round(random.int(1, 4) * scale));
        for (let i = 0; i < count; i++) {
          activities.push({
            form: random.pick(FORMS),
            heldOn: random.date(validFrom, validTo),
            districtId: district.id,
            communeId: commune.id,
            audience: random.pick(AUDIENCES),
            participants: random.int(20, 250),
            note: null,
          });
        }
      }
    }
  }
  await insertChunks(dataSource, CommunicationActivity, activities);

  // Zones, their workforce per year and outreach sessions reaching ~45–75% of workers.
  const zones = await insertChunks<IndustrialZone>(
    dataSource,
    IndustrialZone,
    ZONES.map(({ name, kind, districtId, communeAfterReformId }) => ({ name, kind, districtId, communeAfterReformId })),
  );
  const workforce: Partial<ZoneWorkforce>[] = [];
  const zoneOutreach: Partial<ZoneOutreach>[] = [];
  zones.forEach((zone, z) => {
    for (const year of YEARS) {
      const employed = Math.round(ZONES[z].workers * (0.85 + 0.05 * (year - 2021)) * scale);
      workforce.push({ zoneId: zone.id, year, workersEmployed: employed });
      let remaining = Math.round(employed * (0.4 + 0.07 * (year - 2021) + random.next() * 0.1));
      const sessions = random.int(2, 5);
      for (let s = 0; s < sessions && remaining > 0; s++) {
        const reached = s === sessions - 1 ? remaining : Math.round(remaining / (sessions - s));
        zoneOutreach.push({ zoneId: zone.id, heldOn: random.date(`${year}-01-10`, lastDay(year)), workersReached: reached });
        remaining -= reached;
      }
    }
  });
  await insertChunks(dataSource, ZoneWorkforce, workforce);
  await insertChunks(dataSource, ZoneOutreach, zoneOutreach);

  // Outreach to workers of service businesses: the businesses police registers (the same
  // sample businesses, by key), reached only while they operate, with police's headcount.
  const businessOutreach: Partial<BusinessOutreach>[] = [];
  for (const district of districts) {
    const activity = ACTIVITY[district.id] ?? 0.5;
    const registered = sampleBusinessCount(district.id, scale);
    const businesses = Math.round(registered * Math.min(1, 0.6 + 0.4 * activity));
    for (let b = 1; b <= businesses; b++) {
      const business = sampleBusiness(district.id, b);
      const employed = business.employees;
      for (const year of YEARS) {
        if (!random.chance(Math.min(1, activity + 0.2) * (0.75 + 0.05 * (year - 2021)))) continue;
        const window = sampleBusinessWindow(business, `${year}-01-10`, lastDay(year));
        if (!window) continue;
        const heldOn = random.date(window.from, window.to);
        const commune = business.communeId ? territory.get(business.communeId)! : null;
        const communeId = commune && (commune.validTo === null || commune.validTo > heldOn) ? commune.id : null;
        businessOutreach.push({
          businessId: business.id,
          districtId: district.id,
          communeId,
          heldOn,
          workersEmployed: employed,
          workersReached: random.int(Math.ceil(employed / 2), employed),
        });
      }
    }
  }
  await insertChunks(dataSource, BusinessOutreach, businessOutreach);

  // District plans (most districts every year, remote ones sometimes late or missing) and integration.
  const plans: Partial<DistrictPlan>[] = [];
  const integrations: Partial<ProgrammeIntegration>[] = [];
  for (const year of YEARS) {
    for (const district of districts) {
      const weight = ACTIVITY[district.id] ?? 0.5;
      if (random.chance(0.55 + weight * 0.45)) {
        plans.push({
          districtId: district.id,
          year,
          adoptedOn: random.date(`${year}-01-05`, weight > 0.6 ? `${year}-03-31` : `${year}-06-30`),
          documentNumber: `${random.int(10, 199)}/KH-UBND`,
        });
      }
      for (const programme of Object.values(IntegratedProgramme)) {
        if (random.chance(weight * (0.2 + 0.05 * (year - 2021)))) integrations.push({ districtId: district.id, programme, year, note: null });
      }
    }
  }
  await insertChunks(dataSource, DistrictPlan, plans);
  await insertChunks(dataSource, ProgrammeIntegration, integrations);

  // Two pilot models, as the plan asks for 1 to 2 units.
  await insertChunks(dataSource, PilotModel, [
    // Still running: from 1/7/2025 run by Phường Cẩm Thành, formed from the city's central wards.
    {
      name: 'Mô hình hỗ trợ giảm hại và hòa nhập cộng đồng cho người bán dâm',
      kind: PilotKind.HARM_REDUCTION,
      districtId: '522',
      communeAfterReformId: '21025-2025-07',
      startedOn: '2022-04-01',
      endedOn: null,
    },
    {
      name: 'Mô hình bảo đảm quyền của người lao động tại cơ sở kinh doanh dịch vụ',
      kind: PilotKind.WORKERS_RIGHTS,
      districtId: '534',
      startedOn: '2023-07-01',
      endedOn: '2025-06-30',
    },
  ]);

  // Support by pseudonymous code: yearly assessments; about 60–70% of those in need and eligible use a
  // labour service. About half the clients are also health's (the same codes in health's generated
  // contacts), so IND-4.2, which counts the services of both, is a little higher.
  const clients: Partial<SupportClient>[] = [];
  for (const district of districts) {
    const count = Math.round((ACTIVITY[district.id] ?? 0.5) * 12 * scale);
    const shared = sampleSharedClientCount(district.id, scale);
    for (let i = 0; i < count; i++) {
      const own = random.clientCode(); // drawn even when unused, so the rest of the data set stays the same
      clients.push({
        code: i < shared ? sampleSharedClientCode(district.id, i + 1) : own,
        districtId: district.id,
        registeredOn: random.date('2021-01-04', '2024-06-30'),
      });
    }
  }
  const savedClients = await insertChunks<SupportClient>(dataSource, SupportClient, dedupeCodes(clients));
  const assessments: Partial<NeedAssessment>[] = [];
  const uses: Partial<SupportServiceUse>[] = [];
  for (const client of savedClients) {
    for (const year of YEARS) {
      const from = client.registeredOn > `${year}-01-01` ? client.registeredOn : `${year}-01-01`;
      if (from > lastDay(year)) continue;
      const assessedOn = random.date(from, lastDay(year));
      const inNeed = random.chance(0.8);
      const eligible = inNeed && random.chance(0.85);
      assessments.push({ clientId: client.id, assessedOn, inNeed, eligible });
      if (!inNeed || !random.chance(0.55 + 0.04 * (year - 2021))) continue;
      for (let s = random.int(1, 3); s > 0; s--) {
        const usedOn = random.date(assessedOn, lastDay(year));
        uses.push({ clientId: client.id, usedOn, serviceKind: random.pick(Object.values(SupportServiceKind)) });
      }
    }
  }
  await insertChunks(dataSource, NeedAssessment, assessments);
  await insertChunks(dataSource, SupportServiceUse, uses);

  // Staff in post and training: provincial staff trained faster than district and commune staff.
  const staff: Partial<StaffInPost>[] = [];
  const courses: Partial<TrainingCourse>[] = [];
  const provincial = Math.round(120 * scale);
  for (const year of YEARS) {
    staff.push({ level: StaffLevel.PROVINCIAL, districtId: null, districtKey: '', year, staff: provincial });
    courses.push({
      title: `Tập huấn nghiệp vụ phòng, chống mại dâm cấp tỉnh năm ${year}`,
      level: StaffLevel.PROVINCIAL,
      districtId: null,
      heldOn: random.date(`${year}-03-01`, `${year}-06-30`),
      participants: Math.round(provincial * 0.3),
      newTrainees: Math.round((provincial * random.int(14, 19)) / 100),
    });
    for (const district of districts) {
      const weight = ACTIVITY[district.id] ?? 0.5;
      const communeCount = territory.communesDuring(`${year}-01-01`, `${year + 1}-01-01`, district.id).length;
      const districtStaff = Math.round(random.int(12, 20) * scale);
      const communeStaff = Math.round(Math.max(1, communeCount) * 3 * scale);
      staff.push({ level: StaffLevel.DISTRICT, districtId: district.id, districtKey: district.id, year, staff: districtStaff });
      staff.push({ level: StaffLevel.COMMUNE, districtId: district.id, districtKey: district.id, year, staff: communeStaff });
      for (const [level, inPost] of [
        [StaffLevel.DISTRICT, districtStaff],
        [StaffLevel.COMMUNE, communeStaff],
      ] as const) {
        if (!random.chance(0.4 + weight * 0.5)) continue;
        const participants = Math.round((inPost * random.int(20, 35)) / 100) + 1;
        courses.push({
          title: `Tập huấn phòng, chống mại dâm ${level === StaffLevel.DISTRICT ? 'cấp huyện' : 'cấp xã'} ${district.name} ${year}`,
          level,
          districtId: district.id,
          heldOn: random.date(`${year}-02-01`, lastDay(year)),
          participants,
          newTrainees: Math.round(participants * weight * 0.6),
        });
      }
    }
  }
  await insertChunks(dataSource, StaffInPost, staff);
  await insertChunks(dataSource, TrainingCourse, courses);

  await generateAfterReform(dataSource, { zones, clients: savedClients, assessments, uses, scale });
  await generateBusinessOutreachAfterReform(dataSource, districts, scale);
}

/**
 * Outreach to the workers of police's sample businesses from 1/7/2025 to the cut-off, at the
 * businesses' units of 1/7/2025 (police's registry) and no district: the businesses reached
 * before, each with half its yearly chance for the half-year, while it operates. A stream of
 * its own, after everything else, so the data of 2021 to 30/6/2025 is exactly as before.
 */
async function generateBusinessOutreachAfterReform(dataSource: DataSource, districts: OrgUnitRecord[], scale: number): Promise<void> {
  const random = new SeededRandom('labour-business-outreach-after-reform');
  const outreach: Partial<BusinessOutreach>[] = [];
  for (const district of districts) {
    const activity = ACTIVITY[district.id] ?? 0.5;
    const businesses = Math.round(sampleBusinessCount(district.id, scale) * Math.min(1, 0.6 + 0.4 * activity));
    for (let b = 1; b <= businesses; b++) {
      const business = sampleBusiness(district.id, b);
      if (!random.chance(Math.min(1, activity + 0.2) * 0.95 * 0.5)) continue;
      const window = sampleBusinessWindow(business, REFORM_DATE, LAST_DAY);
      if (!window || !business.communeAfterReformId) continue;
      const employed = business.employees;
      outreach.push({
        businessId: business.id,
        districtId: null,
        communeId: business.communeAfterReformId,
        heldOn: random.date(window.from, window.to),
        workersEmployed: employed,
        workersReached: random.int(Math.ceil(employed / 2), employed),
      });
    }
  }
  await insertChunks(dataSource, BusinessOutreach, outreach);
}

/** The plan's commune-level units of 1/7/2025, each with how active the districts it was formed from were (their mean). */
function unitsAfterReform(): { unit: OrgUnitRecord; weight: number; districtIds: string[] }[] {
  return territory.list({ level: 'COMMUNE', at: REFORM_DATE, inPlanScope: true }).map((unit) => {
    const districtIds = [...new Set(territory.predecessors(unit.id).map((l) => (l.unit.level === 'DISTRICT' ? l.unit.id : l.unit.parentId!)))];
    const weight = districtIds.reduce((sum, id) => sum + (ACTIVITY[id] ?? 0.5), 0) / districtIds.length;
    return { unit, weight, districtIds };
  });
}

/**
 * Labour's records from 1/7/2025 to the 2025 cut-off, on the plan's 56 commune-level units
 * and no district, continuing the trends of the years before: communication in most units
 * each quarter (remote ones less), zone outreach at the zones' new units, services for the
 * persons assessed in 2025 where their services now follow them, a few persons registered
 * in the new units, and courses for commune-level staff. Drawn from a stream of its own,
 * after everything else, so the data of 2021 to 30/6/2025 is exactly as before.
 */
async function generateAfterReform(
  dataSource: DataSource,
  done: { zones: IndustrialZone[]; clients: SupportClient[]; assessments: Partial<NeedAssessment>[]; uses: Partial<SupportServiceUse>[]; scale: number },
): Promise<void> {
  const random = new SeededRandom('labour-after-reform');
  const { scale } = done;
  const units = unitsAfterReform();
  const quarters: [string, string][] = [
    [REFORM_DATE, '2025-09-30'],
    ['2025-10-01', LAST_DAY],
  ];

  // Communication: each unit is active in a quarter with a chance rising with its districts' activity.
  const activities: Partial<CommunicationActivity>[] = [];
  for (const { unit, weight } of units) {
    for (const [from, to] of quarters) {
      if (!random.chance(Math.min(0.95, weight * 0.85 + 0.1))) continue;
      const count = Math.max(1, Math.round(random.int(1, 3) * scale));
      for (let i = 0; i < count; i++) {
        activities.push({
          form: random.pick(FORMS),
          heldOn: random.date(from, to),
          districtId: null,
          communeId: unit.id,
          audience: random.pick(AUDIENCES),
          participants: random.int(20, 250),
          note: null,
        });
      }
    }
  }
  await insertChunks(dataSource, CommunicationActivity, activities);

  // Zone outreach in the second half-year: a smaller round (most of the year's was in the first).
  const workforce: ZoneWorkforce[] = await dataSource.getRepository(ZoneWorkforce).findBy({ year: 2025 });
  const zoneOutreach: Partial<ZoneOutreach>[] = [];
  for (const zone of done.zones) {
    const employed = workforce.find((w) => w.zoneId === zone.id)!.workersEmployed;
    for (let s = random.int(1, 2); s > 0; s--) {
      zoneOutreach.push({ zoneId: zone.id, heldOn: random.date('2025-08-01', LAST_DAY), workersReached: Math.round(employed * (0.03 + random.next() * 0.04)) });
    }
  }
  await insertChunks(dataSource, ZoneOutreach, zoneOutreach);

  // Persons followed from 1/7/2025 by a unit formed from their district's communes.
  const byDistrict = (districtId: string) => units.filter((u) => u.districtIds.includes(districtId));
  const followedBy = done.clients.map((client) => random.pick(byDistrict(client.districtId!)).unit.id);
  await dataSource.query('UPDATE support_client c SET commune_after_reform_id = v.unit FROM unnest($1::uuid[], $2::text[]) AS v(id, unit) WHERE c.id = v.id', [
    done.clients.map((c) => c.id),
    followedBy,
  ]);
  // Services in the second half-year for some of those assessed in need in 2025 and not served yet.
  const served = new Set(done.uses.filter((u) => u.usedOn! >= '2025-01-01').map((u) => u.clientId));
  const uses: Partial<SupportServiceUse>[] = [];
  for (const a of done.assessments) {
    if (a.assessedOn! < '2025-01-01' || !a.inNeed || served.has(a.clientId) || !random.chance(0.3)) continue;
    uses.push({ clientId: a.clientId, usedOn: random.date(REFORM_DATE, LAST_DAY), serviceKind: random.pick(Object.values(SupportServiceKind)) });
  }
  // A few persons registered in the new units, assessed and mostly served.
  const codes = new Set(done.clients.map((c) => c.code));
  const newClients: Partial<SupportClient>[] = [];
  for (let i = Math.max(1, Math.round(8 * scale)); i > 0; i--) {
    const { unit } = random.pick(units.filter((u) => u.weight >= 0.7));
    const code = random.clientCode();
    if (codes.has(code)) continue;
    codes.add(code);
    newClients.push({ code, districtId: null, communeId: unit.id, communeAfterReformId: unit.id, registeredOn: random.date(REFORM_DATE, '2025-10-31') });
  }
  const savedNew = await insertChunks<SupportClient>(dataSource, SupportClient, newClients);
  const assessments: Partial<NeedAssessment>[] = [];
  for (const client of savedNew) {
    const assessedOn = random.date(client.registeredOn, addDays(client.registeredOn, 30));
    const inNeed = random.chance(0.85);
    const eligible = inNeed && random.chance(0.85);
    assessments.push({ clientId: client.id, assessedOn, inNeed, eligible });
    if (inNeed && random.chance(0.65))
      uses.push({ clientId: client.id, usedOn: random.date(assessedOn, LAST_DAY), serviceKind: random.pick(Object.values(SupportServiceKind)) });
  }
  await insertChunks(dataSource, NeedAssessment, assessments);
  await insertChunks(dataSource, SupportServiceUse, uses);

  // Courses for the commune-level staff of the new units (no district-level staff after 30/6/2025).
  const courses: Partial<TrainingCourse>[] = [];
  for (const { unit, weight } of units) {
    if (!random.chance(0.15 + weight * 0.25)) continue;
    const participants = Math.max(2, Math.round(random.int(4, 10) * scale));
    courses.push({
      title: `Tập huấn phòng, chống mại dâm cấp xã ${unit.name} 2025`,
      level: StaffLevel.COMMUNE,
      districtId: null,
      communeId: unit.id,
      heldOn: random.date('2025-08-01', LAST_DAY),
      participants,
      newTrainees: Math.round(participants * weight * 0.6),
    });
  }
  await insertChunks(dataSource, TrainingCourse, courses);
}

function dedupeCodes(clients: Partial<SupportClient>[]): Partial<SupportClient>[] {
  const seen = new Set<string>();
  return clients.filter((c) => !seen.has(c.code!) && seen.add(c.code!));
}
