import { STATUS_VI } from '../format';

/** Vietnamese names of the enum values a user reads in exports: an indicator's verdict (STATUS_VI) and a report's status. */
export const VIETNAMESE_VALUES: Record<string, string> = {
  ...STATUS_VI,
  DRAFT: 'Dự thảo',
  SUBMITTED: 'Đã gửi',
  RETURNED: 'Bị trả lại',
  RESUBMITTED: 'Đã gửi lại',
  APPROVED: 'Đã duyệt',
};
