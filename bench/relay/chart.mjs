// A small line chart as SVG text, for docs/performance.md's figures (scripts/bench.sh): one or more
// series of (x, y) points on linear axes with round ticks, a legend, and a dashed goal line.
// usage: lineChartSvg({ title, xLabel, yLabel, series: [{ name, points: [[x, y], …] }], goal: { y, label } })

const palette = ['#1f6f8b', '#c8553d', '#5b8c3a', '#7b4fa0'];
const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// A "nice" step (1, 2 or 5 × 10^k) giving about `count` ticks up to `max`.
function niceStep(max, count = 5) {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

export function lineChartSvg({ title, xLabel, yLabel, series, goal, width = 720, height = 420 }) {
  const margin = { left: 64, right: 24, top: 48, bottom: 64 };
  const points = series.flatMap((s) => s.points);
  const xMax = Math.max(...points.map(([x]) => x), 1);
  const yMax = Math.max(...points.map(([, y]) => y), goal ? goal.y : 0, 1) * 1.1;
  const xStep = niceStep(xMax), yStep = niceStep(yMax);
  const xTop = Math.ceil(xMax / xStep) * xStep, yTop = Math.ceil(yMax / yStep) * yStep;
  const plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom;
  const px = (x) => margin.left + (x / xTop) * plotW;
  const py = (y) => margin.top + plotH - (y / yTop) * plotH;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (let y = 0; y <= yTop + 1e-9; y += yStep) {
    out.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(y)}" y2="${py(y)}" stroke="#e5e5e5"/>`,
      `<text x="${margin.left - 8}" y="${py(y) + 4}" text-anchor="end">${+y.toFixed(6)}</text>`);
  }
  for (let x = 0; x <= xTop + 1e-9; x += xStep) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 5}" stroke="#555"/>`,
      `<text x="${px(x)}" y="${margin.top + plotH + 18}" text-anchor="middle">${x.toLocaleString('en-US')}</text>`);
  }
  out.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#555"/>`,
    `<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#555"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 18}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`);
  if (goal) {
    out.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(goal.y)}" y2="${py(goal.y)}" stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${width - margin.right - 4}" y="${py(goal.y) - 6}" text-anchor="end" fill="#c00">${escapeXml(goal.label)}</text>`);
  }
  series.forEach((s, i) => {
    const colour = palette[i % palette.length];
    const sorted = [...s.points].sort((a, b) => a[0] - b[0]);
    out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${sorted.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`);
    for (const [x, y] of sorted) out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="4" fill="${colour}"><title>${x}: ${y} ms</title></circle>`);
    out.push(`<rect x="${margin.left + 12}" y="${margin.top + 8 + i * 18}" width="12" height="12" fill="${colour}"/>`,
      `<text x="${margin.left + 30}" y="${margin.top + 18 + i * 18}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
