/** Vietnamese names of the enum values a user reads in exports: an indicator's status and a report's. */
export const VIETNAMESE_VALUES: Record<string, string> = {
  ACHIEVED: 'Đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  NOT_MET: 'Không đạt',
  NO_DATA: 'Chưa có số liệu',
  NOT_APPLICABLE: 'Không áp dụng',
  DRAFT: 'Dự thảo',
  SUBMITTED: 'Đã gửi',
  RETURNED: 'Bị trả lại',
  RESUBMITTED: 'Đã gửi lại',
  APPROVED: 'Đã duyệt',
};
