/** reports/: Cucumber messages → ScenarioRecord[] → LabReport → report.json, results.json, junit.xml, report.html. */
export { RunCollector, RUN_MEDIA_TYPE, SERVICE_TYPES, type CommandRecord, type ScenarioRecord, type ScenarioStatus, type StepRecord } from './collect.ts';
export { CLUSTER_MEDIA_TYPE, parseClusterSnapshot, type ClusterSnapshot, type ReportHop, type RequestTrace, type SnapshotNode, type SnapshotPod, type SnapshotResult, type SnapshotService, type SnapshotServicePort } from './cluster-snapshot.ts';
export { addPoints, buildReport, REPORT_VERSION, type GroupKind, type LabReport, type ReportCommand, type ReportGroup, type ReportMeta, type ReportNote, type ReportProblem, type ReportScenario, type ReportStep } from './model.ts';
export { formatSummary, summarise, type GroupSummary } from './summary.ts';
export { stableJson, toJson } from './json.ts';
export { toJUnit } from './junit.ts';
export { gradescopeResults, toGradescope, type GradescopeResults, type GradescopeTest, type GradescopeVisibility } from './gradescope.ts';
export { toHtml } from './html.ts';
export { clusterDiagram, requestsOf } from './diagram.ts';
export { cleanText, escapeXml, MAX_OUTPUT_CHARS, transcript } from './text.ts';
export { renderReports, REPORT_FILES, writeReports, type FsLike, type ReportFile, type WriteResult } from './write.ts';
export { nearestSteps } from './suggest.ts';
