/**
 * The renderers the staff side needs, to bytes and without I/O: QR codes
 * (qrcode), the weekly chart (resvg) and report files (CSV, XLSX/exceljs).
 * Injected into the runner and the CLI; core only sees ReportRenderers.
 */
import type { ExportFormat, RenderedFile, ReportDocument, ReportRenderers } from '../core/reports/types.js';
import { chartPng, type ChartOptions } from './chart.js';
import { documentCsv } from './csv.js';
import { qrPng } from './qr.js';
import { documentXlsx } from './xlsx.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv; charset=utf-8';

export async function renderDocument(doc: ReportDocument, format: ExportFormat, baseName: string, created?: Date): Promise<RenderedFile> {
  if (format === 'csv') return { name: `${baseName}.csv`, mime: CSV_MIME, data: new TextEncoder().encode(documentCsv(doc)) };
  return { name: `${baseName}.xlsx`, mime: XLSX_MIME, data: await documentXlsx(doc, created) };
}

export function createReportRenderers(options: ChartOptions & { readonly clock?: { now(): Date } } = {}): ReportRenderers {
  return {
    qrPng: (text) => qrPng(text),
    chartPng: (chart) => chartPng(chart, options),
    document: (doc, format, baseName) => renderDocument(doc, format, baseName, options.clock?.now()),
  };
}

export { ChartFontError, chartSvg } from './chart.js';
