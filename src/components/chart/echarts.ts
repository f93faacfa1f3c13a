// The parts of Apache ECharts the charts use, registered once. Only `render.ts` imports this module, and
// only through a dynamic import, so ECharts is a lazy chunk loaded with the first chart. SVG renderer:
// crisp at any zoom, text stays text (Chinese labels included), and PNGs are made from the SVG.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
	DataZoomInsideComponent,
	DataZoomSliderComponent,
	GridComponent,
	MarkAreaComponent,
	MarkLineComponent,
	MarkPointComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
	LineChart,
	BarChart,
	ScatterChart,
	GridComponent,
	DataZoomInsideComponent,
	DataZoomSliderComponent,
	MarkPointComponent,
	MarkLineComponent,
	MarkAreaComponent,
	SVGRenderer,
]);

export { echarts };
export type ECharts = echarts.ECharts;
