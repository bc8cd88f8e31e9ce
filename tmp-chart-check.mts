import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { renderSvg } from './src/main/core/studies/render-chart';
import { valAccuracyChart } from './src/main/core/studies/chart-options';
const agg = [{ key: 'a', label: 'Example 1', valAccuracyCurve: [1,2,3].map(e => ({ epoch: e, mean: 0.9 + e/100, lower: 0.89 + e/100, upper: 0.91 + e/100 })) }] as never;
const svg = renderSvg(valAccuracyChart(agg));
console.log(svg.match(/font[^;"]*/g)?.slice(0,3));
writeFileSync('/tmp/a.png', new Resvg(svg, { background: '#fff', font: { loadSystemFonts: true } }).render().asPng());
