/**
 * Writes packages/common/src/territory/org-units.json from the official unit lists in
 * the shared data folder (`../shared/data` beside the repository, or the folder given
 * as the first argument). The product reads only the generated JSON; this script is
 * how it is made and re-checked. `--check` writes nothing and fails when the committed
 * JSON differs from what the lists produce.
 *
 *   org-units-quang-ngai-2021-11-01.txt          old Quảng Ngãi, 2021–2024
 *   org-units-quang-ngai-2025-03-01.txt          old Quảng Ngãi after the 1/1/2025 merges
 *   org-units-quang-ngai-2025-07-01.txt          the 96 units of the merged province from 1/7/2025
 *   org-units-quang-ngai-2025-07-01.detail.tsv   one row per (new unit, predecessor)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const OUT = path.join(root, 'packages/common/src/territory/org-units.json');

const FIRST_DAY = '2021-01-01';
const MERGES_2025 = '2025-01-01';
const REFORM = '2025-07-01';
const RES_1279 = 'Nghị quyết 1279/NQ-UBTVQH15';
const RES_1677 = 'Nghị quyết 1677/NQ-UBTVQH15';
const RES_202 = 'Nghị quyết 202/2025/QH15';
const LAW_72 = 'Luật Tổ chức chính quyền địa phương 72/2025/QH15';

interface Unit {
  id: string;
  code: string;
  name: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  kind: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  /** The province the unit belonged to when it was created: 51 (old Quảng Ngãi) or 62 (old Kon Tum). */
  formerProvince: string;
  /** Part of the territory of Decision 1736/QĐ-UBND (old Quảng Ngãi). */
  inPlanScope: boolean;
  notes?: string;
}

interface Succession {
  predecessorId: string;
  successorId: string | null;
  date: string;
  kind: 'MERGE' | 'SPLIT' | 'RENAME' | 'RECLASSIFY' | 'RETAIN' | 'ABOLISH';
  /** Only part of the predecessor went to this successor (a split). */
  part: boolean;
  legalBasis: string;
  notes?: string;
}

/**
 * The 1/1/2025 merges (Resolution 1279/NQ-UBTVQH15) that the two lists of old Quảng
 * Ngãi cannot show by themselves: which removed code went into which unit.
 */
const MERGED_AWAY_2025: Record<string, { into: string; notes?: string }> = {
  '21253': { into: '21262' }, // Nghĩa Phú + Nghĩa An → An Phú
  '21403': { into: '21406' }, // Đức Lợi + Đức Thắng → Thắng Lợi
  '21286': {
    into: '21238',
    notes:
      "Xã Nghĩa Mỹ (Huyện Tư Nghĩa) is absent from the 2025-03-01 list and no other Tư Nghĩa unit changed name; its territory is recorded as merged into Thị trấn Sông Vệ (21238), its neighbour, which in turn became part of Xã Vệ Giang on 1/7/2025. The receiving unit is not named in the project's sources: confirm against the text of Nghị quyết 1279/NQ-UBTVQH15.",
  },
};

function kindOf(name: string): string {
  const n = name.toLowerCase();
  if (n.startsWith('tỉnh')) return 'PROVINCE';
  if (n.startsWith('thành phố')) return 'CITY';
  if (n.startsWith('thị xã')) return 'TOWN';
  if (n.startsWith('huyện')) return 'RURAL_DISTRICT';
  if (n.startsWith('phường')) return 'WARD';
  if (n.startsWith('thị trấn')) return 'TOWNSHIP';
  if (n.startsWith('xã')) return 'COMMUNE';
  if (n.startsWith('đặc khu')) return 'SPECIAL_ZONE';
  throw new Error(`no unit type in the name '${name}'`);
}

interface ListedUnit {
  code: string;
  name: string;
  rawName: string;
  district: string | null;
}

/** `51 Tỉnh …` / `522 Thành phố …` / `   21010 Phường …` */
function readSnapshot(file: string): { province: ListedUnit; districts: ListedUnit[]; communes: ListedUnit[] } {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  let province: ListedUnit | null = null;
  const districts: ListedUnit[] = [];
  const communes: ListedUnit[] = [];
  for (const line of lines) {
    const m = line.match(/^(\s*)(\d+) (.+)$/);
    if (!m) throw new Error(`${file}: unreadable line '${line}'`);
    const rawName = m[3];
    const unit = { code: m[2], name: rawName.trimEnd(), rawName, district: null as string | null };
    if (!province) province = unit;
    else if (m[1] === '') districts.push(unit);
    else communes.push({ ...unit, district: districts[districts.length - 1].code });
  }
  return { province: province!, districts, communes };
}

function nameNotes(u: ListedUnit): string | undefined {
  if (u.rawName !== u.name) return `Trailing whitespace after the name in the source list was dropped ("${u.rawName}").`;
  if (/ {2}/.test(u.name)) return 'Name kept verbatim from the GSO list, including its double space; the usual spelling has one space.';
  return undefined;
}

interface DetailRow {
  item: string;
  newCode: string;
  newName: string;
  oldCode: string;
  oldName: string;
  oldProvince: string;
  oldDistrictCode: string;
  oldDistrictName: string;
  share: string;
}

function readDetail(file: string): DetailRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('item\t'))
    .map((l) => {
      const c = l.split('\t');
      const province = c[7].match(/\((\d+)\)/);
      if (!province) throw new Error(`${file}: no old province code in '${l}'`);
      return {
        item: c[0],
        newCode: c[1],
        newName: c[2].trim(),
        oldCode: c[4],
        oldName: c[5].trim(),
        oldProvince: province[1],
        oldDistrictCode: c[8],
        oldDistrictName: c[9].trim(),
        share: c[10] ?? '',
      };
    });
}

/** `21211 Xã Tịnh Khê\t21190, 21208\t1` */
function readReform(file: string): { code: string; name: string; predecessors: { code: string; part: boolean; district: boolean }[]; item: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [head, preds, item] = l.split('\t');
      const m = head.match(/^(\d+) (.+)$/);
      if (!m || !preds || !item) throw new Error(`${file}: unreadable line '${l}'`);
      return {
        code: m[1],
        name: m[2].trim(),
        item: item.trim(),
        predecessors: preds
          .split(',')
          .map((p) => p.trim())
          .map((p) => ({ code: p.replace(/\(.*\)$/, ''), part: p.endsWith('(part)'), district: p.endsWith('(district)') })),
      };
    });
}

export function buildTerritory(dataDir: string) {
  const y2021 = readSnapshot(path.join(dataDir, 'org-units-quang-ngai-2021-11-01.txt'));
  const y2025 = readSnapshot(path.join(dataDir, 'org-units-quang-ngai-2025-03-01.txt'));
  const reform = readReform(path.join(dataDir, 'org-units-quang-ngai-2025-07-01.txt'));
  const detail = readDetail(path.join(dataDir, 'org-units-quang-ngai-2025-07-01.detail.tsv'));

  const units: Unit[] = [];
  const successions: Succession[] = [];
  const qn = (u: Omit<Unit, 'formerProvince' | 'inPlanScope'>): Unit => ({ ...u, formerProvince: '51', inPlanScope: true });

  // Old Quảng Ngãi, 2021 → 30/6/2025. The province (code 51) continues after it absorbs Kon Tum.
  units.push(
    qn({
      id: y2021.province.code,
      code: y2021.province.code,
      name: y2021.province.name,
      level: 'PROVINCE',
      kind: 'PROVINCE',
      parentId: null,
      validFrom: FIRST_DAY,
      validTo: null,
    }),
  );
  for (const d of y2021.districts) {
    units.push(
      qn({
        id: d.code,
        code: d.code,
        name: d.name,
        level: 'DISTRICT',
        kind: kindOf(d.name),
        parentId: y2021.province.code,
        validFrom: FIRST_DAY,
        validTo: REFORM,
      }),
    );
  }
  const later = new Map(y2025.communes.map((c) => [c.code, c]));
  const merged = new Map<string, string[]>(); // receiving code → codes merged into it on 1/1/2025
  for (const [code, m] of Object.entries(MERGED_AWAY_2025)) merged.set(m.into, [...(merged.get(m.into) ?? []), code]);
  const idOnEve = new Map<string, string>(); // old code → id of the unit valid on 30/6/2025
  for (const c of y2021.communes) {
    const after = later.get(c.code);
    const changed = after && (after.name !== c.name || after.district !== c.district);
    const notes = nameNotes(c);
    units.push(
      qn({
        id: c.code,
        code: c.code,
        name: c.name,
        level: 'COMMUNE',
        kind: kindOf(c.name),
        parentId: c.district,
        validFrom: FIRST_DAY,
        validTo: after && !changed ? REFORM : MERGES_2025,
        ...(notes ? { notes } : {}),
      }),
    );
    if (!after) {
      const into = MERGED_AWAY_2025[c.code];
      if (!into) throw new Error(`commune ${c.code} ${c.name} is gone on 2025-03-01 and no merge names its successor`);
      successions.push({ predecessorId: c.code, successorId: into.into, date: MERGES_2025, kind: 'MERGE', part: false, legalBasis: RES_1279 }); // successor id fixed below
      continue;
    }
    if (!changed) {
      idOnEve.set(c.code, c.code);
      continue;
    }
    const id = `${c.code}-2025`;
    units.push(
      qn({ id, code: c.code, name: after.name, level: 'COMMUNE', kind: kindOf(after.name), parentId: after.district, validFrom: MERGES_2025, validTo: REFORM }),
    );
    idOnEve.set(c.code, id);
    const kind = merged.has(c.code) ? 'MERGE' : kindOf(after.name) !== kindOf(c.name) ? 'RECLASSIFY' : 'RENAME';
    successions.push({ predecessorId: c.code, successorId: id, date: MERGES_2025, kind, part: false, legalBasis: RES_1279 });
  }
  for (const c of y2025.communes) if (!y2021.communes.some((o) => o.code === c.code)) throw new Error(`new code ${c.code} on 2025-03-01 is not handled`);
  for (const s of successions) {
    if (s.date !== MERGES_2025 || s.kind !== 'MERGE' || !MERGED_AWAY_2025[s.predecessorId]) continue;
    s.successorId = idOnEve.get(MERGED_AWAY_2025[s.predecessorId].into)!;
    if (MERGED_AWAY_2025[s.predecessorId].notes) s.notes = MERGED_AWAY_2025[s.predecessorId].notes;
  }

  // Old Kon Tum (62), known here as it stood before 1/7/2025 (from the detail list): outside the plan's scope.
  const KON_TUM = '62';
  const kt = (u: Omit<Unit, 'formerProvince' | 'inPlanScope'>): Unit => ({ ...u, formerProvince: KON_TUM, inPlanScope: false });
  units.push(
    kt({ id: KON_TUM, code: KON_TUM, name: 'Tỉnh Kon Tum', level: 'PROVINCE', kind: 'PROVINCE', parentId: null, validFrom: FIRST_DAY, validTo: REFORM }),
  );
  successions.push({ predecessorId: KON_TUM, successorId: y2021.province.code, date: REFORM, kind: 'MERGE', part: false, legalBasis: RES_202 });
  const ktDistricts = new Map<string, string>();
  const ktCommunes = new Map<string, DetailRow>();
  for (const r of detail.filter((r) => r.oldProvince === KON_TUM)) {
    ktDistricts.set(r.oldDistrictCode, r.oldDistrictName);
    ktCommunes.set(r.oldCode, r);
  }
  for (const [code, name] of [...ktDistricts].sort()) {
    units.push(kt({ id: code, code, name, level: 'DISTRICT', kind: kindOf(name), parentId: KON_TUM, validFrom: FIRST_DAY, validTo: REFORM }));
  }
  for (const r of [...ktCommunes.values()].sort((a, b) => a.oldCode.localeCompare(b.oldCode))) {
    units.push(
      kt({
        id: r.oldCode,
        code: r.oldCode,
        name: r.oldName,
        level: 'COMMUNE',
        kind: kindOf(r.oldName),
        parentId: r.oldDistrictCode,
        validFrom: FIRST_DAY,
        validTo: REFORM,
      }),
    );
    idOnEve.set(r.oldCode, r.oldCode);
  }
  for (const code of ktDistricts.keys())
    successions.push({ predecessorId: code, successorId: null, date: REFORM, kind: 'ABOLISH', part: false, legalBasis: LAW_72 });

  // 1/7/2025: no district level; 96 commune-level units directly under the province.
  for (const d of y2021.districts) {
    if (reform.some((n) => n.predecessors.some((p) => p.district && p.code === d.code))) continue;
    successions.push({ predecessorId: d.code, successorId: null, date: REFORM, kind: 'ABOLISH', part: false, legalBasis: LAW_72 });
  }
  const usedIds = new Set(units.map((u) => u.id));
  for (const n of reform) {
    const id = usedIds.has(n.code) ? `${n.code}-2025-07` : n.code;
    const fromProvinces = new Set(detail.filter((r) => r.newCode === n.code).map((r) => r.oldProvince));
    if (fromProvinces.size !== 1) throw new Error(`unit ${n.code} is formed from ${fromProvinces.size} old provinces`);
    const formerProvince = [...fromProvinces][0];
    units.push({
      id,
      code: n.code,
      name: n.name,
      level: 'COMMUNE',
      kind: kindOf(n.name),
      parentId: y2021.province.code,
      validFrom: REFORM,
      validTo: null,
      formerProvince,
      inPlanScope: formerProvince === '51',
    });
    for (const p of n.predecessors) {
      const predecessorId = p.district ? p.code : idOnEve.get(p.code);
      if (!predecessorId) throw new Error(`predecessor ${p.code} of ${n.code} is not a unit valid on 2025-06-30`);
      const kind = p.district ? 'RECLASSIFY' : p.part ? 'SPLIT' : n.item.includes('retained') ? 'RETAIN' : 'MERGE';
      successions.push({ predecessorId, successorId: id, date: REFORM, kind, part: p.part, legalBasis: RES_1677 });
    }
  }

  // Every commune valid on 30/6/2025 has a successor; the lists' totals hold.
  for (const u of units.filter((x) => x.level === 'COMMUNE' && x.validTo === REFORM)) {
    if (!successions.some((s) => s.predecessorId === u.id && s.date === REFORM)) throw new Error(`commune ${u.id} ${u.name} has no successor on 1/7/2025`);
  }
  const at = (d: string, f: (u: Unit) => boolean) => units.filter((u) => u.validFrom <= d && (u.validTo === null || u.validTo > d) && f(u)).length;
  const communes = (u: Unit) => u.level === 'COMMUNE';
  const counts = {
    '2021-11-01': {
      districts: at('2021-11-01', (u) => u.level === 'DISTRICT' && u.inPlanScope),
      communeLevel: at('2021-11-01', (u) => communes(u) && u.inPlanScope),
    },
    '2025-03-01': {
      districts: at('2025-03-01', (u) => u.level === 'DISTRICT' && u.inPlanScope),
      communeLevel: at('2025-03-01', (u) => communes(u) && u.inPlanScope),
    },
    '2025-07-01': {
      districts: at('2025-07-01', (u) => u.level === 'DISTRICT'),
      communeLevel: at('2025-07-01', communes),
      inPlanScope: at('2025-07-01', (u) => communes(u) && u.inPlanScope),
    },
  };
  const expected = {
    '2021-11-01': { districts: 13, communeLevel: 173 },
    '2025-03-01': { districts: 13, communeLevel: 170 },
    '2025-07-01': { districts: 0, communeLevel: 96, inPlanScope: 56 },
  };
  if (JSON.stringify(counts) !== JSON.stringify(expected))
    throw new Error(`counts ${JSON.stringify(counts)} differ from the sources' totals ${JSON.stringify(expected)}`);

  return {
    notes: [
      'Generated by scripts/territory.ts from the official lists (org-units-quang-ngai-2021-11-01.txt, -2025-03-01.txt, -2025-07-01.txt and .detail.tsv); do not edit by hand.',
      'validTo is exclusive: the first day a unit is no longer valid. Units of the 2021-11-01 list are valid from 2021-01-01 (the plan period start), with id = GSO code.',
      'A unit created later under a code already used gets the id "<code>-2025" (1/1/2025 merges) or "<code>-2025-07" (1/7/2025 reform): the same code is not the same unit.',
      'On 1/7/2025 the district level ends (ABOLISH), Kon Tum (62) merges into Quảng Ngãi (51, which continues), and 96 commune-level units replace the old ones (MERGE, SPLIT with part = true for Xã Trà Bùi, RETAIN for the five units kept as they were, RECLASSIFY for Huyện Lý Sơn becoming Đặc khu Lý Sơn).',
      "Old Kon Tum is known as it stood before 1/7/2025 (from the detail list, as of 1/3/2025); it is outside the plan's scope (inPlanScope false), like the 40 new units formed from it.",
    ],
    counts,
    units,
    successions,
  };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const dataDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '..', 'shared', 'data'));
  if (!existsSync(dataDir)) throw new Error(`no data folder at ${dataDir}: pass the folder holding org-units-quang-ngai-*.txt`);
  const json = `${JSON.stringify(buildTerritory(dataDir), null, 2)}\n`;
  if (check) {
    if (readFileSync(OUT, 'utf8') !== json) {
      console.error(`${path.relative(root, OUT)} differs from what ${dataDir} produces: run npm run territory`);
      process.exit(1);
    }
    console.log(`${path.relative(root, OUT)} matches ${dataDir}`);
    return;
  }
  writeFileSync(OUT, json);
  console.log(`wrote ${path.relative(root, OUT)}`);
}

if (require.main === module) main();
