/**
 * The tracking codes this phone sent, kept on the phone only (localStorage), so that a parent
 * follows their own reports in one tap without copying the code anywhere.
 */
const KEY = 'mq-my-reports';
const MAX = 20;

export interface MyReport {
  code: string;
  /** when it was sent, ISO */
  at: string;
  /** the start of what was written, for the person to recognise it */
  about: string;
}

export function myReports(): MyReport[] {
  try {
    const list = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((r) => r && typeof r.code === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberReport(report: MyReport) {
  try {
    const list = [report, ...myReports().filter((r) => r.code !== report.code)].slice(0, MAX);
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // private browsing: the code is still on the screen
  }
}

export function forgetReport(code: string) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(myReports().filter((r) => r.code !== code)));
  } catch {
    // nothing kept, nothing to forget
  }
}
