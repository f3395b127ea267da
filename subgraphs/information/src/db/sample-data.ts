import { DataSource } from 'typeorm';
import { addDays, REFORM_DATE, territory } from '@qn/common';
import { dataScale, insertChunks, SeededRandom } from '@qn/dev';
import { PressLevel, PressMedium, PressOutlet } from '../entities/press-outlet';
import { Publication, PublicationKind } from '../entities/publication';
import { BlockingReason, WebsiteBlockingProposal } from '../entities/website-blocking-proposal';

const OUTLETS: [name: string, level: PressLevel, medium: PressMedium][] = [
  ['Báo Quảng Ngãi', PressLevel.PROVINCIAL, PressMedium.PRINT],
  ['Báo Quảng Ngãi điện tử', PressLevel.PROVINCIAL, PressMedium.ONLINE],
  ['Đài Phát thanh - Truyền hình Quảng Ngãi', PressLevel.PROVINCIAL, PressMedium.TV],
  ['Báo Lao động', PressLevel.CENTRAL, PressMedium.PRINT],
  ['Báo Nhân Dân', PressLevel.CENTRAL, PressMedium.PRINT],
  ['Báo Công an Nhân dân', PressLevel.CENTRAL, PressMedium.PRINT],
  ['Báo Dân trí', PressLevel.CENTRAL, PressMedium.ONLINE],
  ['VnExpress', PressLevel.CENTRAL, PressMedium.ONLINE],
  ['Đài Tiếng nói Việt Nam', PressLevel.CENTRAL, PressMedium.RADIO],
  ['Đài Truyền hình Việt Nam', PressLevel.CENTRAL, PressMedium.TV],
];

/** Chance that the provincial press carried nothing on prevention in a month, by year (the plan was adopted on 5/11/2021). */
const SILENT_MONTH: Record<number, number> = { 2021: 0.25, 2022: 0.06, 2023: 0.04, 2024: 0.03, 2025: 0.02 };
/** Relative weight of each district-level unit in news about it (population, tourism, industry). */
const DISTRICT_WEIGHT: Record<string, number> = {
  '522': 30,
  '524': 14,
  '534': 10,
  '528': 8,
  '527': 7,
  '533': 7,
  '532': 5,
  '536': 5,
  '529': 3,
  '525': 3,
  '535': 3,
  '531': 2,
  '530': 2,
};
const TITLES = [
  'Tăng cường công tác phòng, chống tệ nạn mại dâm trên địa bàn tỉnh',
  'Kiểm tra liên ngành các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm',
  'Tuyên truyền phòng, chống mại dâm cho người lao động tại Khu kinh tế Dung Quất',
  'Ngăn chặn mua bán người vì mục đích mại dâm qua mạng xã hội',
  'Hỗ trợ người bán dâm hòa nhập cộng đồng',
  'Lồng ghép phòng, chống mại dâm với phòng, chống HIV/AIDS',
  'Xử lý nghiêm các đường dây môi giới mại dâm',
  'Học sinh, sinh viên với phòng, chống tệ nạn xã hội',
];
const KINDS: Record<PressMedium, PublicationKind[]> = {
  PRINT: [PublicationKind.ARTICLE, PublicationKind.ARTICLE, PublicationKind.NEWS, PublicationKind.REPORTAGE],
  ONLINE: [PublicationKind.NEWS, PublicationKind.NEWS, PublicationKind.ARTICLE],
  RADIO: [PublicationKind.BROADCAST, PublicationKind.PROGRAMME],
  TV: [PublicationKind.BROADCAST, PublicationKind.PROGRAMME, PublicationKind.REPORTAGE],
};
const SITE_WORDS = ['massage-vip', 'tim-ban-dem', 'sugar-baby', 'thu-gian-24h', 'hen-ho-nhanh', 'karaoke-om', 'gai-xinh-online'];
const LAST_DAY = '2025-12-14';

/**
 * A deterministic, plausible information data set for 2021–2025: the provincial and
 * central outlets, prevention pieces (provincial press most months, a few silent months,
 * more of them in 2021; central press a few times a year) and websites proposed for
 * blocking (sample domains under the reserved `.example` top-level domain).
 * QN_SCALE multiplies the pieces and proposals. Runs only on an empty database.
 */
export async function generateSampleData(dataSource: DataSource): Promise<void> {
  if (await dataSource.getRepository(PressOutlet).exist()) return;
  const random = new SeededRandom('information');
  const scale = dataScale();
  const outletRows: Partial<PressOutlet>[] = OUTLETS.map(([name, level, medium]) => ({ name, level, medium }));
  const outlets = await insertChunks<PressOutlet>(dataSource, PressOutlet, outletRows);
  const provincial = outlets.filter((o) => o.level === PressLevel.PROVINCIAL);
  const central = outlets.filter((o) => o.level === PressLevel.CENTRAL);
  const districts = territory.districtsDuring('2021-01-01', '2025-07-01').map((d) => d.id);

  const publications: Partial<Publication>[] = [];
  const piece = (outlet: PressOutlet, publishedOn: string, aboutDistrict: number): Partial<Publication> => ({
    outletId: outlet.id,
    publishedOn,
    kind: random.pick(KINDS[outlet.medium]),
    title: random.pick(TITLES),
    url: null,
    districtId: random.chance(aboutDistrict) ? pickWeighted(random, districts) : null,
  });
  for (let year = 2021; year <= 2025; year++) {
    for (let month = 1; month <= 12; month++) {
      if (random.chance(SILENT_MONTH[year])) continue;
      const first = `${year}-${String(month).padStart(2, '0')}-01`;
      const last = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
      const count = Math.max(1, Math.round(random.int(1, 4) * scale));
      for (let i = 0; i < count; i++) {
        const publishedOn = random.date(first, last);
        if (publishedOn <= LAST_DAY) publications.push(piece(random.pick(provincial), publishedOn, 0.45));
      }
    }
    // Central press: usually 2–5 pieces a year, now and then only one.
    const count = Math.round((random.chance(0.12) ? 1 : random.int(2, 5)) * scale);
    for (let i = 0; i < count; i++) {
      const publishedOn = random.date(`${year}-01-01`, year === 2025 ? LAST_DAY : `${year}-12-31`);
      publications.push(piece(random.pick(central), publishedOn, 0.3));
    }
  }
  placeAfterReform(publications);
  await insertChunks(dataSource, Publication, publications);

  const proposals: Partial<WebsiteBlockingProposal>[] = [];
  let serial = 0;
  for (let year = 2021; year <= 2025; year++) {
    const count = Math.round(random.int(6, 14) * scale);
    for (let i = 0; i < count; i++) {
      const proposedOn = random.date(`${year}-01-01`, year === 2025 ? LAST_DAY : `${year}-12-31`);
      const blockedOn = random.chance(0.8) ? addDays(proposedOn, random.int(5, 60)) : null;
      serial += 1;
      proposals.push({
        domain: `${random.pick(SITE_WORDS)}-${serial}.example`,
        proposedOn,
        blockedOn: blockedOn && blockedOn <= LAST_DAY ? blockedOn : null,
        reason: random.pick([
          BlockingReason.PROSTITUTION_ADVERTISING,
          BlockingReason.PROSTITUTION_ADVERTISING,
          BlockingReason.BROKERING,
          BlockingReason.TRAFFICKING,
          BlockingReason.PORNOGRAPHY,
        ]),
      });
    }
  }
  await insertChunks(dataSource, WebsiteBlockingProposal, proposals);
}

/**
 * From 1/7/2025 there is no district: a piece about a place is about one of the plan's
 * commune-level units. The pieces were drawn by district (the same draws as before, so
 * 2021–2024 and the first half of 2025 stay as they were); each later one is put on a unit
 * formed from that district's communes, with its own random stream.
 */
function placeAfterReform(publications: Partial<Publication>[]): void {
  const random = new SeededRandom('information-after-reform');
  const units = territory.list({ level: 'COMMUNE', at: REFORM_DATE, inPlanScope: true });
  const formedFrom = (districtId: string) =>
    units.filter((u) => territory.predecessors(u.id).some((l) => l.unit.parentId === districtId || l.unit.id === districtId));
  for (const piece of publications) {
    if (piece.publishedOn! < REFORM_DATE) continue;
    piece.communeId = piece.districtId ? random.pick(formedFrom(piece.districtId)).id : null;
    piece.districtId = null;
  }
}

function pickWeighted(random: SeededRandom, ids: string[]): string {
  const total = ids.reduce((s, id) => s + (DISTRICT_WEIGHT[id] ?? 1), 0);
  let r = random.next() * total;
  for (const id of ids) {
    r -= DISTRICT_WEIGHT[id] ?? 1;
    if (r <= 0) return id;
  }
  return ids[ids.length - 1];
}
