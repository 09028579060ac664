/**
 * The weekly bar chart as PNG without a browser: an SVG string rendered by
 * @resvg/resvg-js with the system's fonts (DejaVu Sans has the Vietnamese
 * glyphs). A server without such a font would draw bars without any text, so
 * the first render checks a Vietnamese letter really shows, and otherwise
 * throws a ChartFontError that names the font and how to get it.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { WeeklyChart } from '../core/reports/types.js';

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;
export const CHART_FONT = 'DejaVu Sans';
const COLORS = ['#1f77b4', '#aec7e8', '#d62728', '#ff9896'] as const;

export type ChartOptions = {
  /** Font files to use instead of the system's (a TTF/OTF with Vietnamese glyphs). */
  readonly fontFiles?: readonly string[];
  readonly fontFamily?: string;
};

export class ChartFontError extends Error {
  readonly code = 'CHART_FONT_MISSING';
  constructor(family: string) {
    super(
      `No font "${family}" with Vietnamese glyphs was found, so the chart would have no text. Install it (Debian/Ubuntu: apt-get install fonts-dejavu-core) or pass a TTF/OTF with Vietnamese glyphs in ChartOptions.fontFiles.`,
    );
    this.name = 'ChartFontError';
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Grid lines above zero; the axis top is a multiple of it so every line is a whole count. */
export const GRID_LINES = 4;

export function axisTop(max: number): number {
  return GRID_LINES * Math.max(1, Math.ceil(max / GRID_LINES));
}

export function chartSvg(chart: WeeklyChart, family: string = CHART_FONT): string {
  const [w, h] = [CHART_WIDTH, CHART_HEIGHT];
  const plot = { left: 64, right: w - 24, top: 92, bottom: h - 64 };
  const top = axisTop(Math.max(0, ...chart.series.flatMap((s) => s.values)));
  const y = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / top;
  const groupWidth = (plot.right - plot.left) / Math.max(1, chart.weeks.length);
  const barWidth = Math.max(1, (groupWidth * 0.8) / Math.max(1, chart.series.length));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(family)}">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<text x="${w / 2}" y="32" font-size="20" font-weight="bold" text-anchor="middle" fill="#222">${escapeXml(chart.title)}</text>`,
  ];
  chart.series.forEach((s, i) => {
    const x = plot.left + i * 210;
    parts.push(`<rect x="${x}" y="52" width="14" height="14" fill="${COLORS[i % COLORS.length]}"/>`);
    parts.push(`<text x="${x + 20}" y="64" font-size="13" fill="#222">${escapeXml(s.label)}</text>`);
  });
  for (let i = 0; i <= GRID_LINES; i++) {
    const v = (top * i) / GRID_LINES;
    parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${plot.left - 8}" y="${y(v) + 4}" font-size="12" text-anchor="end" fill="#444">${v}</text>`);
  }
  chart.weeks.forEach((week, g) => {
    const x0 = plot.left + g * groupWidth + groupWidth * 0.1;
    chart.series.forEach((s, i) => {
      const v = s.values[g] ?? 0;
      parts.push(`<rect x="${x0 + i * barWidth}" y="${y(v)}" width="${barWidth}" height="${plot.bottom - y(v)}" fill="${COLORS[i % COLORS.length]}"/>`);
    });
    if (chart.weeks.length <= 14 || g % 2 === 0) {
      parts.push(`<text x="${x0 + groupWidth * 0.4}" y="${plot.bottom + 18}" font-size="12" text-anchor="middle" fill="#444">${escapeXml(week)}</text>`);
    }
  });
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="#888"/>`, '</svg>');
  return parts.join('\n');
}

function renderOptions(options: ChartOptions): ResvgRenderOptions {
  const family = options.fontFamily ?? CHART_FONT;
  const files = options.fontFiles === undefined ? {} : { fontFiles: [...options.fontFiles] };
  return { font: { loadSystemFonts: true, defaultFontFamily: family, ...files }, background: '#ffffff' };
}

const checkedFonts = new Set<string>();

/** Renders "Ấ" and looks for a dark pixel: no font, no pixel. Checked once per font setting. */
export function assertChartFont(options: ChartOptions = {}): void {
  const family = options.fontFamily ?? CHART_FONT;
  const key = `${family}|${(options.fontFiles ?? []).join(',')}`;
  if (checkedFonts.has(key)) return;
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text x="4" y="32" font-size="32" font-family="${escapeXml(family)}" fill="#000">Ấ</text></svg>`;
  const { pixels } = new Resvg(probe, renderOptions(options)).render();
  let inked = false;
  for (let i = 0; i < pixels.length && !inked; i += 4) inked = (pixels[i] ?? 255) < 128;
  if (!inked) throw new ChartFontError(family);
  checkedFonts.add(key);
}

export function chartPng(chart: WeeklyChart, options: ChartOptions = {}): Uint8Array {
  assertChartFont(options);
  const image = new Resvg(chartSvg(chart, options.fontFamily ?? CHART_FONT), renderOptions(options)).render();
  return new Uint8Array(image.asPng());
}
