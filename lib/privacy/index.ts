// The privacy jobs and actions, for whoever schedules or calls them.
export { applyRetention, RETENTION_BATCH, type RetentionOutcome } from "./retention";
export { eraseCustomer, type EraseResult } from "./erase";
export { exportCustomerData, exportFileName, type CustomerExport } from "./export";
export { recordAudit, listAuditLog } from "./audit";
