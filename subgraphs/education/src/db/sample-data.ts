import { DataSource } from 'typeorm';
import { REFORM_DATE, territory } from '@qn/common';
import { dataScale, insertChunks, SeededRandom } from '@qn/dev';
import { CommunicationSession, SessionForm } from '../entities/communication-session';
import { Enrolment } from '../entities/enrolment';
import { Institution, InstitutionKind } from '../entities/institution';
import { parseSchoolYear } from '../school-year';

type Seed = [name: string, kind: InstitutionKind, districtId: string, students: [min: number, max: number]];
const { UPPER_SECONDARY: THPT, UNIVERSITY, VOCATIONAL } = InstitutionKind;

/**
 * The province's upper-secondary schools, universities and colleges by district (public
 * names). Enrolments, sessions and reach below are generated, not official figures.
 */
const INSTITUTIONS: Seed[] = [
  ['Trường THPT chuyên Lê Khiết', THPT, '522', [950, 1100]],
  ['Trường THPT Trần Quốc Tuấn', THPT, '522', [1700, 2000]],
  ['Trường THPT Lê Trung Đình', THPT, '522', [1300, 1600]],
  ['Trường THPT Sơn Mỹ', THPT, '522', [900, 1150]],
  ['Trường THPT Võ Nguyên Giáp', THPT, '522', [700, 950]],
  ['Trường THPT Trương Định', THPT, '522', [800, 1050]],
  ['Trường Phổ thông Dân tộc nội trú tỉnh', THPT, '522', [450, 560]],
  ['Trường THPT Bình Sơn', THPT, '524', [1400, 1700]],
  ['Trường THPT Lê Quý Đôn', THPT, '524', [1100, 1400]],
  ['Trường THPT Vạn Tường', THPT, '524', [1000, 1250]],
  ['Trường THPT Trần Kỳ Phong', THPT, '524', [1000, 1300]],
  ['Trường THPT Ba Gia', THPT, '527', [1000, 1250]],
  ['Trường THPT Sơn Tịnh 1', THPT, '527', [1100, 1350]],
  ['Trường THPT Thu Xà', THPT, '528', [800, 1050]],
  ['Trường THPT số 1 Tư Nghĩa', THPT, '528', [1200, 1500]],
  ['Trường THPT số 2 Tư Nghĩa', THPT, '528', [900, 1150]],
  ['Trường THPT Chu Văn An', THPT, '528', [700, 900]],
  ['Trường THPT số 1 Nghĩa Hành', THPT, '532', [1000, 1250]],
  ['Trường THPT số 2 Nghĩa Hành', THPT, '532', [700, 950]],
  ['Trường THPT số 1 Mộ Đức', THPT, '533', [1100, 1400]],
  ['Trường THPT số 2 Mộ Đức', THPT, '533', [900, 1150]],
  ['Trường THPT Trần Quang Diệu', THPT, '533', [800, 1000]],
  ['Trường THPT Phạm Văn Đồng', THPT, '533', [700, 950]],
  ['Trường THPT số 1 Đức Phổ', THPT, '534', [1200, 1500]],
  ['Trường THPT số 2 Đức Phổ', THPT, '534', [1000, 1250]],
  ['Trường THPT Lương Thế Vinh', THPT, '534', [800, 1050]],
  ['Trường THPT Nguyễn Công Trứ', THPT, '534', [700, 900]],
  ['Trường THPT Ba Tơ', THPT, '535', [700, 900]],
  ['Trường THPT Phạm Kiệt', THPT, '535', [450, 600]],
  ['Trường THPT Minh Long', THPT, '531', [450, 600]],
  ['Trường THPT Sơn Hà', THPT, '529', [900, 1150]],
  ['Trường THPT Đinh Tiên Hoàng', THPT, '529', [500, 700]],
  ['Trường THPT Quang Trung', THPT, '530', [450, 600]],
  ['Trường THPT Trà Bồng', THPT, '525', [700, 900]],
  ['Trường THPT Tây Trà', THPT, '525', [400, 550]],
  ['Trường THPT Lý Sơn', THPT, '536', [650, 800]],
  ['Trường Đại học Phạm Văn Đồng', UNIVERSITY, '522', [3800, 4800]],
  ['Trường Đại học Tài chính - Kế toán', UNIVERSITY, '528', [2600, 3600]],
  ['Phân hiệu Trường Đại học Công nghiệp TP. Hồ Chí Minh tại Quảng Ngãi', UNIVERSITY, '522', [1200, 1800]],
  ['Trường Cao đẳng Việt Nam - Hàn Quốc - Quảng Ngãi', VOCATIONAL, '522', [1800, 2600]],
  ['Trường Cao đẳng Kỹ thuật Công nghiệp Quảng Ngãi', VOCATIONAL, '522', [1500, 2200]],
  ['Trường Cao đẳng Y tế Đặng Thùy Trâm', VOCATIONAL, '522', [900, 1400]],
  ['Trường Cao đẳng Cơ giới', VOCATIONAL, '522', [1200, 1900]],
  ['Trường Cao đẳng Kỹ nghệ Dung Quất', VOCATIONAL, '524', [700, 1200]],
  ['Trường Trung cấp Kinh tế - Kỹ thuật Quảng Ngãi', VOCATIONAL, '522', [400, 700]],
  ['Trường Trung cấp nghề Đức Phổ', VOCATIONAL, '534', [250, 450]],
  ['Trường Trung cấp nghề Bình Sơn', VOCATIONAL, '524', [250, 450]],
];

/** Mountain districts, where sessions reach fewer students (distance, boarding pupils, fewer trained staff). */
const HARDER = new Set(['525', '529', '530', '531', '535']);
/** Share of enrolled students reached per school year across the province, rising as the plan took hold (adopted 5/11/2021). */
const COVERAGE: Record<string, number> = {
  '2020-2021': 0.45,
  '2021-2022': 0.7,
  '2022-2023': 0.76,
  '2023-2024': 0.8,
  '2024-2025': 0.82,
  '2025-2026': 0.82,
};
const FORMS: SessionForm[] = [
  SessionForm.EXTRACURRICULAR,
  SessionForm.EXTRACURRICULAR,
  SessionForm.ASSEMBLY,
  SessionForm.CLASS_INTEGRATION,
  SessionForm.CLASS_INTEGRATION,
  SessionForm.CONTEST,
  SessionForm.LIFE_SKILLS,
  SessionForm.MATERIALS,
];
const TOPICS = [
  'Phòng, chống tệ nạn mại dâm trong trường học',
  'Nhận diện thủ đoạn lừa đảo, mua bán người qua mạng xã hội',
  'Kỹ năng tự bảo vệ bản thân, phòng tránh xâm hại',
  'Pháp luật về phòng, chống mại dâm và HIV/AIDS',
  'Bình đẳng giới và phòng, chống bạo lực trên cơ sở giới',
];
const FIRST_DAY = '2021-01-01';
const LAST_DAY = '2025-12-14';

/**
 * A deterministic, plausible education data set for 2021–2025: the province's ~60
 * institutions, their enrolment in each school year 2020-2021 to 2025-2026, and
 * prevention sessions reaching about 45% of students in early 2021 rising to about
 * 80% (mountain districts lower). QN_SCALE multiplies the number of sessions, not
 * the institutions (there are only so many). Runs only on an empty database.
 */
export async function generateSampleData(dataSource: DataSource): Promise<void> {
  if (await dataSource.getRepository(Institution).exist()) return;
  const random = new SeededRandom('education');
  const scale = dataScale();
  const districts = territory.districtsDuring(FIRST_DAY, '2025-07-01');
  const seeds: Seed[] = [
    ...INSTITUTIONS,
    ...districts.map((d): Seed => [
      `Trung tâm GDNN-GDTX ${d.name.charAt(0).toLowerCase()}${d.name.slice(1)}`,
      InstitutionKind.CONTINUING_EDUCATION,
      d.id,
      [180, 650],
    ]),
  ];
  const rows: Partial<Institution>[] = seeds.map(([name, kind, districtId]) => {
    const communes = territory.communesDuring(FIRST_DAY, '2021-01-02', districtId);
    const communeId = communes.length ? random.pick(communes).id : null;
    return { name, kind, districtId, communeId, communeAfterReformId: unitAfterReform(communeId ?? districtId) };
  });
  const institutions = await insertChunks<Institution>(dataSource, Institution, rows);

  const enrolments: Partial<Enrolment>[] = [];
  const sessions: Partial<CommunicationSession>[] = [];
  institutions.forEach((institution, index) => {
    const [min, max] = seeds[index][3];
    let students = random.int(min, max);
    const effort = random.next() * 0.2 - 0.1 - (HARDER.has(institution.districtId ?? '') ? 0.14 : 0);
    for (const schoolYear of Object.keys(COVERAGE)) {
      students = Math.max(min - 50, Math.round(students * (0.95 + random.next() * 0.1)));
      enrolments.push({ institutionId: institution.id, schoolYear, students });
      const year = parseSchoolYear(schoolYear);
      const share = Math.min(1, Math.max(0.15, COVERAGE[schoolYear] + effort + random.next() * 0.1 - 0.05));
      // Larger institutions hold more sessions (by grade, faculty or class group).
      const count = Math.max(1, Math.round((Math.ceil(students / 350) + random.int(1, 3)) * scale));
      const weights = Array.from({ length: count }, () => 0.3 + random.next());
      const total = weights.reduce((a, b) => a + b, 0);
      for (const weight of weights) {
        // Teaching runs from early September to late May; sessions follow it.
        const heldOn = random.date(`${year.start.slice(0, 4)}-09-05`, `${year.end.slice(0, 4)}-05-25`);
        const studentsReached = Math.min(students, Math.round((students * share * weight) / total));
        if (heldOn < FIRST_DAY || heldOn > LAST_DAY || studentsReached < 1) continue;
        sessions.push({
          institutionId: institution.id,
          schoolYear,
          heldOn,
          form: random.pick(FORMS),
          studentsReached,
          topic: random.pick(TOPICS),
        });
      }
    }
  });
  await insertChunks(dataSource, Enrolment, enrolments);
  await insertChunks(dataSource, CommunicationSession, sessions);
}

/**
 * The commune-level unit of 1/7/2025 a place of 2021 became part of, through the
 * succession table (no random draw, so the rest of the data set stays the same); for the
 * commune split in two (Trà Bùi), the first of its successors.
 */
function unitAfterReform(id: string): string {
  const [link] = territory.successors(id, REFORM_DATE).filter((l) => l.unit.level === 'COMMUNE' && l.unit.inPlanScope);
  if (!link) throw new Error(`no commune-level unit of ${REFORM_DATE} for ${id}`);
  return link.unit.id;
}
