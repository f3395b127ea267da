import { DataSource } from 'typeorm';
import { addDays, dataScale, insertChunks, sampleBusiness, sampleBusinessCount, sampleBusinessWindow, SAMPLE_DISTRICT_WEIGHT, SAMPLE_LAST_DAY, SeededRandom, territory } from '@qn/common';
import { Inspection, InspectionOutcome, InspectionTeam } from '../entities/inspection';
import { BusinessKind, ServiceBusiness } from '../entities/service-business';
import { CaseCharge, CaseOutcome, CriminalCase } from '../entities/criminal-case';
import { Tip, TipChannel, TipClassification, TipKind, TipOutcome, TipVerification } from '../entities/tip';

const LAST_DAY = SAMPLE_LAST_DAY;

/**
 * A deterministic, plausible police data set for 2021–2025: about 300 businesses
 * (× QN_SCALE), yearly inspections of a quarter of them, and tips with their handling.
 * Runs only on an empty database.
 */
export async function generateSampleData(dataSource: DataSource): Promise<void> {
  if (await dataSource.getRepository(ServiceBusiness).exist()) return;
  const random = new SeededRandom('police');
  const scale = dataScale();
  const businesses: Partial<ServiceBusiness>[] = [];
  const NAMES: Partial<Record<string, string>> = { KARAOKE: 'Karaoke', MASSAGE: 'Massage', HOTEL: 'Khách sạn', GUESTHOUSE: 'Nhà nghỉ' };
  for (const district of territory.districtsDuring('2021-01-01', '2025-07-01')) {
    for (let i = 1; i <= sampleBusinessCount(district.id, scale); i++) {
      const business = sampleBusiness(district.id, i);
      businesses.push({
        ...business,
        kind: business.kind as BusinessKind,
        name: `${NAMES[business.kind] ?? 'Cơ sở'} ${district.code}-${String(i).padStart(3, '0')}`,
      });
    }
  }
  const saved = await insertChunks(dataSource, ServiceBusiness, businesses);

  const inspections: Partial<Inspection>[] = [];
  for (const business of saved) {
    for (let year = 2021; year <= 2025; year++) {
      const window = sampleBusinessWindow({ openedOn: business.openedOn!, closedOn: business.closedOn ?? null }, `${year}-01-01`, `${year}-12-14`);
      if (!window) continue;
      // Inspections grow over the programme, as the plan intends (≥20% a year, all by 2025).
      if (!random.chance(0.18 + 0.05 * (year - 2021))) continue;
      const violations = random.chance(0.3) ? random.int(1, 4) : 0;
      inspections.push({
        businessId: business.id,
        inspectedOn: random.date(window.from, window.to),
        team: random.chance(0.45) ? InspectionTeam.TEAM_178 : InspectionTeam.POLICE,
        outcome: violations === 0 ? InspectionOutcome.NO_VIOLATION : random.pick([InspectionOutcome.WARNING, InspectionOutcome.FINED, InspectionOutcome.FINED, InspectionOutcome.SUSPENDED]),
        violations,
      });
    }
  }
  await insertChunks(dataSource, Inspection, inspections);

  const tips: Partial<Tip>[] = [];
  const districts = territory.districtsDuring('2021-01-01', '2025-07-01');
  for (let year = 2021; year <= 2025; year++) {
    const count = Math.round(random.int(30, 45) * scale);
    for (let i = 0; i < count; i++) {
      const receivedOn = random.date(`${year}-01-01`, year === 2025 ? '2025-06-30' : `${year}-12-31`);
      const deadlineOn = addDays(receivedOn, 20);
      const handled = random.chance(0.96);
      const late = random.chance(0.06);
      const handledOn = handled ? addDays(receivedOn, late ? random.int(21, 45) : random.int(3, 20)) : null;
      const classification = random.pick([
        TipClassification.PROSTITUTION, TipClassification.PROSTITUTION, TipClassification.BROKERING,
        TipClassification.BROTHEL_KEEPING, TipClassification.TRAFFICKING, TipClassification.NOT_PROSTITUTION_RELATED,
      ]);
      tips.push({
        kind: random.pick([TipKind.DENUNCIATION, TipKind.CRIME_REPORT, TipKind.CRIME_REPORT, TipKind.COMPLAINT]),
        receivedOn,
        channel: random.pick([TipChannel.IN_PERSON, TipChannel.PHONE, TipChannel.HOTLINE, TipChannel.ONLINE, TipChannel.AGENCY_REFERRAL]),
        classification,
        districtId: pickWeighted(random, districts.map((d) => d.id)),
        verification: handled ? random.pick([TipVerification.CONFIRMED, TipVerification.UNFOUNDED]) : TipVerification.PENDING,
        deadlineOn,
        handledOn,
        outcome: handled ? random.pick([TipOutcome.ADMINISTRATIVE_SANCTION, TipOutcome.CRIMINAL_CASE_OPENED, TipOutcome.NO_ACTION, TipOutcome.TRANSFERRED]) : null,
      });
    }
  }
  await insertChunks(dataSource, Tip, tips);

  // Cases dealt with grow about 4% a year (IND-3.2 asks for 3-5%), with a year that falls short;
  // each was opened one to five months before it was dealt with, and a few are still open.
  const cases: Partial<CriminalCase>[] = [];
  const caseDefaults = () => ({
    charges: random.chance(0.15)
      ? [CaseCharge.TRAFFICKING]
      : [random.pick([CaseCharge.HARBOURING_PROSTITUTION, CaseCharge.BROKERING_PROSTITUTION, CaseCharge.BROKERING_PROSTITUTION, CaseCharge.BUYING_SEX_FROM_MINOR])],
    districtId: pickWeighted(random, districts.map((d) => d.id)),
    suspects: random.int(1, 5),
    victims: random.int(1, 6),
    minorVictims: random.chance(0.1) ? 1 : 0,
  });
  const dealtPerYear: Record<number, number> = { 2021: 20, 2022: 21, 2023: 22, 2024: 22, 2025: 23 };
  for (const [year, perYear] of Object.entries(dealtPerYear)) {
    for (let i = 0; i < Math.round(perYear * scale); i++) {
      const dealtWithOn = random.date(`${year}-01-15`, Number(year) === 2025 ? '2025-12-10' : `${year}-12-31`);
      cases.push({
        ...caseDefaults(),
        openedOn: addDays(dealtWithOn, -random.int(30, 150)),
        dealtWithOn,
        outcome: random.pick([CaseOutcome.PROSECUTED, CaseOutcome.TRIED, CaseOutcome.TRIED]),
      });
    }
  }
  for (let i = 0; i < Math.round(4 * scale); i++) {
    cases.push({ ...caseDefaults(), openedOn: random.date('2025-09-01', LAST_DAY), dealtWithOn: null, outcome: null });
  }
  await insertChunks(dataSource, CriminalCase, cases);
}

function pickWeighted(random: SeededRandom, ids: string[]): string {
  const total = ids.reduce((s, id) => s + (SAMPLE_DISTRICT_WEIGHT[id] ?? 1), 0);
  let r = random.next() * total;
  for (const id of ids) {
    r -= SAMPLE_DISTRICT_WEIGHT[id] ?? 1;
    if (r <= 0) return id;
  }
  return ids[ids.length - 1];
}

