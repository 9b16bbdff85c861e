/** Report files: download, streaming record parsing and record schemas. */
export {
  DOWNLOAD_ROUTE,
  type DownloadContext,
  type DownloadFileOptions,
  downloadFile,
} from "./download.js";
export { RECORD_SCHEMAS, type ReportKind, type ReportScope, reportKind } from "./kinds.js";
export * from "./record-schemas.js";
export {
  type InvalidRecordInfo,
  RECORDS_OPERATION,
  type ReadRecordsOptions,
  type ReportLinks,
  readReportRecords,
} from "./records.js";
