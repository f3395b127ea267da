/** Saved operations the IDE opens with: the README's dashboard and one report cycle. */
export interface IdeExample {
  query: string;
  variables?: string;
}

export const IDE_EXAMPLES: IdeExample[] = [
  {
    query: `# Chỉ số của cả năm cơ quan, mỗi số do cơ quan sở hữu dữ liệu tính (token: COORDINATOR, LABOUR)
# Every agency's numbers, each computed by the agency that owns the data (token: COORDINATOR, LABOUR)
query Dashboard {
  indicators { code owner { code } result(period: "2024") { numerator denominator value target status } }
  progress: tasks(section: "V.4") { id owner { code } progress(period: "2024") { count evidence } }
  byDistrict: indicator(code: "IND-3.3a") { resultsByDistrict(period: "2024") { orgUnit { name } value status } }
}
`,
  },
  {
    query: `# Một kỳ báo cáo quý: mở dự thảo, viết nội dung, gửi, Sở LĐTBXH duyệt; chọn từng thao tác bằng nút chạy.
# A quarterly report cycle: open drafts, write the narrative, submit, DOLISA approves; pick each operation with the run button.
# Each change takes the version it was based on (expectedVersion) and a new idempotency key.
mutation OpenDrafts($period: String!) {
  createReportDrafts(input: { period: $period, unitIds: ["POLICE"], idempotencyKey: "ide-drafts-2024Q3-police" }) { id unitId status version }
}

query Completeness($period: String!) {
  reportingCompleteness(period: $period) { expected received onTime late missing }
  reports(period: $period, unitId: "POLICE") { id status version results }
}

mutation WriteNarrative($id: ID!, $version: Int!) {
  updateReportNarrative(input: { id: $id, expectedVersion: $version, idempotencyKey: "ide-narrative-1", results: "Đã kiểm tra 99 cơ sở kinh doanh dịch vụ." }) { id status version }
}

mutation Submit($id: ID!, $version: Int!) {
  submitReport(input: { id: $id, expectedVersion: $version, idempotencyKey: "ide-submit-1" }) { id status version }
}

mutation Approve($id: ID!, $version: Int!) {
  approveReport(input: { id: $id, expectedVersion: $version, idempotencyKey: "ide-approve-1" }) { id status version }
}
`,
    variables: `{ "period": "2024Q3", "id": "<id from OpenDrafts>", "version": 1 }`,
  },
];
