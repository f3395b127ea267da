const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * A number as Vietnamese documents write it (vi-VN): `.` between thousands, `,` before
 * decimals — 42638.5 → "42.638,5"; null → "–".
 */
export function viNumber(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : VI_NUMBER.format(x);
}

/** What each verdict is called in a Vietnamese document. */
export const STATUS_VI: Record<string, string> = {
  ACHIEVED: 'Đạt',
  NOT_MET: 'Không đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  NO_DATA: 'Chưa có số liệu',
  NOT_APPLICABLE: 'Không đánh giá',
  SUPPRESSED: 'Không công bố (số nhỏ)',
};
