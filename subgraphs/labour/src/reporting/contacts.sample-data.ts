import { DataSource } from 'typeorm';
import { ReportingContact } from '../notifications';
import { ReportingUnitKind } from './entities';
import { programmeReportingUnits } from './units';

/**
 * Role mailboxes for every unit that reports in the programme (generated data): the
 * office that keeps the unit's records (văn thư) and, for the agencies, the section in
 * charge of social-evils prevention. Invented addresses of the province's mail domain.
 * Only into a database with no contact yet.
 */
export async function generateContactsSampleData(dataSource: DataSource): Promise<void> {
  const repository = dataSource.getRepository(ReportingContact);
  if (await repository.exist()) return;
  const rows: ReportingContact[] = [];
  for (const unit of await programmeReportingUnits(dataSource)) {
    const local = unit.kind !== ReportingUnitKind.AGENCY;
    const name = local ? `ubnd${unit.id}` : unit.id.toLowerCase().replace(/_/g, '-');
    rows.push(Object.assign(new ReportingContact(), { unitId: unit.id, address: `vanthu.${name}@quangngai.gov.vn`, label: 'Văn thư' }));
    if (!local)
      rows.push(
        Object.assign(new ReportingContact(), { unitId: unit.id, address: `pctnxh.${name}@quangngai.gov.vn`, label: 'Bộ phận phòng, chống tệ nạn xã hội' }),
      );
  }
  await repository.insert(rows);
}
