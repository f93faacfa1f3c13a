// Strings of the deep models: the Models screen, the compute backend and why it was chosen, training
// progress and the notes of the train worker (models_* codes from src/ml and workers/train).
import { plural } from '../plural';
import type { Catalog } from '../types';

export const en = {
	models_nav: 'Models',
	models_phase_backtest: 'Testing your saved deep model on past weeks',
	models_engine_label: 'Your deep model ({kind})',
	models_dataset: 'Dataset: {name}',
	models_interrupted_hint:
		'Training was interrupted (the page was closed or reloaded). Resume continues from the last finished epoch.',
	models_title: 'Deep models',
	models_intro:
		'Train a neural network on all your products at once. It learns patterns shared across products and joins the forecast comparison when it beats the other methods.',
	models_backend_line: 'Compute: {backend}',
	models_backend_checking: 'Compute: checking…',
	models_backend_unavailable: 'Compute: unavailable ({error})',
	models_backend_webgpu_real: 'Using the GPU ({adapter}) through WebGPU.',
	models_backend_webgpu_failed: 'WebGPU found a GPU ({adapter}) but could not start on it.',
	models_backend_webgpu_fallback:
		'The only WebGPU adapter is a software emulation ({adapter}), which is much slower than WASM.',
	models_backend_no_webgpu: 'No WebGPU adapter in this browser.',
	models_backend_no_webgl: 'No WebGL in this worker.',
	models_backend_webgl_software:
		'WebGL runs on a software renderer ({renderer}), which is slower than WASM.',
	models_backend_webgl_faster: 'WebGL on {renderer} was faster in a short test ({webglMs} ms).',
	models_backend_webgl_slower:
		'WebGL on {renderer} was slower than WASM in a short test ({webglMs} ms).',
	models_backend_webgl_failed: 'WebGL ({renderer}) could not start.',
	models_backend_wasm: 'Training runs on the CPU with WebAssembly (SIMD).',
	models_backend_wasm_failed: 'WebAssembly could not start.',
	models_backend_cpu: 'Training runs on the plain JavaScript CPU backend (slowest).',
	models_kind_label: 'Model type',
	models_kind_mlp: 'MLP (fast)',
	models_kind_nbeats: 'N-BEATS blocks',
	models_kind_lstm: 'LSTM 50 → LSTM 50',
	models_kind_lstm_dense: 'LSTM 64 → Dropout → Dense 32',
	models_kind_gru: 'GRU 64',
	models_kind_patchtst: 'Transformer (PatchTST-style)',
	models_freq_label: 'Periods',
	models_freq_week: 'Weekly',
	models_freq_day: 'Daily',
	models_freq_month: 'Monthly',
	models_horizon_label: 'Forecast periods',
	models_epochs_label: 'Epochs',
	models_pretrained_label: 'Start from the pretrained model (weekly MLP, 12 weeks)',
	models_train: 'Train',
	models_resume: 'Resume',
	models_no_dataset: 'Import or choose a dataset first.',
	models_loading_data: 'Reading the sales of every product…',
	models_progress_prepare: 'Preparing {windows} training windows…',
	models_progress: (p) =>
		`Epoch ${p.epochText} of ${p.epochsText} · batch ${p.batchText} of ${p.batchesText}`,
	models_eta: (p) => (Number(p.s) < 90 ? `about ${p.sText} s left` : `about ${p.minText} min left`),
	models_loss: 'Training loss',
	models_val_loss: 'Validation loss',
	models_loss_chart: 'Loss by epoch',
	models_epoch: 'Epoch',
	models_done: (p) =>
		`Trained ${p.epochsText} epoch${p.epochs === 1 ? '' : 's'}; best at epoch ${p.bestText}.`,
	models_cancelled: 'Training cancelled. The last finished epoch is saved: you can resume it.',
	models_cancelled_early: 'Training cancelled before its first epoch finished.',
	models_backtest_cancelled: 'Deep-model backtest cancelled.',
	models_failed: 'Training failed: {error}',
	models_saved_title: 'Saved models',
	models_saved_empty: 'No saved models for this dataset yet.',
	models_saved_row: (p) =>
		`${p.kind} · ${p.freq} · ${p.horizonText} ${plural(p.horizon, 'period', 'periods')} ahead · ${p.epochsText} ${plural(p.epochs, 'epoch', 'epochs')} · ${p.status}`,
	models_status_training: 'interrupted',
	models_status_ready: 'ready',
	models_status_cancelled: 'cancelled',
	models_status_failed: 'failed',
	models_forecast: 'Forecast with it',
	models_delete: 'Delete',
	models_forecast_title:
		'Next {horizon} {horizon|period|periods}, all products: about {total} {total|unit|units}',
	models_forecast_top: 'Largest expected sales',
	models_product: 'Product',
	models_units: 'Units',
	models_range80: '80% range',
	models_note_resumed: 'Resumed after epoch {epoch}.',
	models_note_pretrained_week:
		'Started from the pretrained weekly start (weekly MLP, 24 weeks back, 12 ahead).',
	models_note_pretrained_month:
		'Started from the pretrained monthly start (monthly MLP, 24 months back, 12 ahead).',
	models_note_no_pretrained_day:
		'There is no pretrained start for daily data, so this model trains from scratch.',
	models_pretrained_label_month: 'Start from the pretrained model (monthly MLP, 12 months)',
	models_pretrained_none_day: 'No pretrained start for daily data: the model trains from scratch.',
	models_month_not_mixed:
		'The Forecast screen does not mix a monthly deep model into its forecasts: on monthly test data it did not make them better. You can still forecast with it here.',
	models_start_week: 'pretrained start: weekly',
	models_start_month: 'pretrained start: monthly',
	models_start_none: 'trained from scratch',
	models_note_no_pretrained:
		'No pretrained weights match this model type and window, so it starts from scratch.',
	models_note_early_stop: 'Stopped early: validation loss had not improved since epoch {epoch}.',
	models_note_deep_mixed:
		'Mixed half and half with your deep model. Checked on your own data: forecast as if {h} {h|period|periods} ago, for {n} {n|product|products}, the mix changed the error by {mase} % (MASE) and {wape} % (WAPE) against the statistical forecast alone, so it is used.',
	models_note_deep_not_mixed:
		'Your deep model is not mixed in. Checked on your own data: forecast as if {h} {h|period|periods} ago, for {n} {n|product|products}, mixing it in would have changed the error by {mase} % (MASE) and {wape} % (WAPE) against the statistical forecast alone, which is not better on both.',
	models_note_deep_unchecked:
		'Your deep model is not mixed in: no product has enough history to check a forecast made {h} {h|period|periods} ago against what then sold.',
	models_note_deep_not_mixed_backtest:
		'Your deep model is not mixed in. Forecast as if {h} {h|period|periods} ago, for {n} {n|product|products}, the mix would have changed the error by {mase} % (MASE) and {wape} % (WAPE), but on the past windows the models are tested on it was {backtest} % off the statistical choice (MASE), more than the 5 % allowed.',
	models_error_too_short:
		'The series are too short for this window: choose fewer forecast periods or daily periods.',
	models_error_missing: 'This saved model is no longer on this device.',
	models_error_weights_missing:
		'The weights of this saved model are missing: train it again or delete it.',
	models_deep_refused: (p) =>
		`Your saved deep model “${p.model}” (saved ${p.date}) was left out of this forecast: ${p.reason} The other methods forecast without it.`,
	models_error_promotions_missing:
		'This model was trained with your imported promotions, which are no longer on this device: import them again or train a new model.',
	models_error_signals_missing:
		'This model was trained with a market signal (search interest imported on the Market screen) that is no longer on this device: import it again or train a new model.',
	models_inputs:
		'It reads each product’s recent sales, the calendar (season, weekday, shopping holidays), its average price and, when you imported promotions, the promotions (past and planned). A model trained with promotions needs them to forecast.',
	models_inputs_shop:
		'It reads each product’s recent sales, the calendar (season, weekday, and your shop’s holidays and shopping festivals as set in Settings, with your changes), its average price when your data has unit prices, when you imported promotions the promotions (past and planned), and for weekly models a market signal (search interest from the Market screen) whose term matches the product, one week behind. A model keeps the calendar it was trained with; one trained with promotions or a signal needs them to forecast.',
	models_row_inputs: 'Reads: {list}',
	models_input_sep: ', ',
	models_input_sales: 'recent sales',
	models_input_calendar: 'holidays and festivals of {country} (with your changes then)',
	models_input_calendar_fixed: 'built-in shopping holidays',
	models_input_price: 'price',
	models_input_promotion: 'promotions',
	models_input_signal: 'market signal',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	models_nav: '模型',
	models_phase_backtest: '正在用过去几周检验您保存的深度模型',
	models_engine_label: '您的深度模型（{kind}）',
	models_dataset: '数据集：{name}',
	models_interrupted_hint: '训练被中断（页面被关闭或重新加载）。继续训练将从最后完成的一轮开始。',
	models_title: '深度学习模型',
	models_intro:
		'用全部商品一起训练一个神经网络。它学习商品之间共同的规律，在回测中胜过其他方法时会参与预测比较。',
	models_backend_line: '计算：{backend}',
	models_backend_checking: '计算：检测中…',
	models_backend_unavailable: '计算：不可用（{error}）',
	models_backend_webgpu_real: '通过 WebGPU 使用显卡（{adapter}）。',
	models_backend_webgpu_failed: 'WebGPU 找到了显卡（{adapter}），但无法在其上启动。',
	models_backend_webgpu_fallback: '唯一的 WebGPU 适配器是软件模拟（{adapter}），比 WASM 慢得多。',
	models_backend_no_webgpu: '此浏览器没有 WebGPU 适配器。',
	models_backend_no_webgl: '此工作线程中没有 WebGL。',
	models_backend_webgl_software: 'WebGL 运行在软件渲染器（{renderer}）上，比 WASM 慢。',
	models_backend_webgl_faster: '在简短测试中，{renderer} 上的 WebGL 更快（{webglMs} 毫秒）。',
	models_backend_webgl_slower: '在简短测试中，{renderer} 上的 WebGL 比 WASM 慢（{webglMs} 毫秒）。',
	models_backend_webgl_failed: 'WebGL（{renderer}）无法启动。',
	models_backend_wasm: '训练使用 WebAssembly（SIMD）在 CPU 上运行。',
	models_backend_wasm_failed: 'WebAssembly 无法启动。',
	models_backend_cpu: '训练使用纯 JavaScript 的 CPU 后端（最慢）。',
	models_kind_label: '模型类型',
	models_kind_mlp: '多层感知机 MLP（快）',
	models_kind_nbeats: 'N-BEATS 模块',
	models_kind_lstm: 'LSTM 50 → LSTM 50',
	models_kind_lstm_dense: 'LSTM 64 → Dropout → Dense 32',
	models_kind_gru: 'GRU 64',
	models_kind_patchtst: 'Transformer（PatchTST 式）',
	models_freq_label: '周期',
	models_freq_week: '按周',
	models_freq_day: '按日',
	models_freq_month: '按月',
	models_horizon_label: '预测期数',
	models_epochs_label: '训练轮数',
	models_pretrained_label: '从预训练模型开始（按周 MLP，12 周）',
	models_train: '训练',
	models_resume: '继续训练',
	models_no_dataset: '请先导入或选择一个数据集。',
	models_loading_data: '正在读取每个商品的销售数据…',
	models_progress_prepare: '正在准备 {windows} 个训练窗口…',
	models_progress: (p) =>
		`第 ${p.epochText}/${p.epochsText} 轮 · 第 ${p.batchText}/${p.batchesText} 批`,
	models_eta: (p) => (Number(p.s) < 90 ? `大约还需 ${p.sText} 秒` : `大约还需 ${p.minText} 分钟`),
	models_loss: '训练损失',
	models_val_loss: '验证损失',
	models_loss_chart: '各轮损失',
	models_epoch: '轮次',
	models_done: (p) => `已训练 ${p.epochsText} 轮；第 ${p.bestText} 轮最好。`,
	models_cancelled: '训练已取消。最后完成的一轮已保存，可以继续训练。',
	models_cancelled_early: '训练在第一轮完成之前已取消。',
	models_backtest_cancelled: '深度模型回测已取消。',
	models_failed: '训练失败：{error}',
	models_saved_title: '已保存的模型',
	models_saved_empty: '此数据集还没有保存的模型。',
	models_saved_row: (p) =>
		`${p.kind} · ${p.freq} · 预测 ${p.horizonText} 期 · ${p.epochsText} 轮 · ${p.status}`,
	models_status_training: '已中断',
	models_status_ready: '可用',
	models_status_cancelled: '已取消',
	models_status_failed: '失败',
	models_forecast: '用它预测',
	models_delete: '删除',
	models_forecast_title: '未来 {horizon} 期，全部商品：约 {total} 件',
	models_forecast_top: '预计销量最高的商品',
	models_product: '商品',
	models_units: '件数',
	models_range80: '80% 区间',
	models_note_resumed: '已从第 {epoch} 轮之后继续。',
	models_note_pretrained_week: '从按周预训练起点开始（按周 MLP，回看 24 周，预测 12 周）。',
	models_note_pretrained_month: '从按月预训练起点开始（按月 MLP，回看 24 个月，预测 12 个月）。',
	models_note_no_pretrained_day: '没有适用于按日数据的预训练起点，因此此模型从头开始训练。',
	models_pretrained_label_month: '从预训练模型开始（按月 MLP，12 个月）',
	models_pretrained_none_day: '按日数据没有预训练起点：模型将从头开始训练。',
	models_month_not_mixed:
		'“预测”页面不会把按月的深度模型混入其预测：在按月的测试数据上，它没有让预测更准。您仍可在此处用它做预测。',
	models_start_week: '预训练起点：按周',
	models_start_month: '预训练起点：按月',
	models_start_none: '从头训练',
	models_note_no_pretrained: '没有与此模型类型和窗口匹配的预训练权重，因此从头开始训练。',
	models_note_early_stop: '提前停止：验证损失自第 {epoch} 轮以来没有改善。',
	models_note_deep_mixed:
		'已与您的深度模型各取一半混合。用您自己的数据检验：假设在 {h} 期之前预测，对 {n} 个商品，混合预测相对单独的统计预测，误差变化为 {mase} %（MASE）和 {wape} %（WAPE），因此采用混合。',
	models_note_deep_not_mixed:
		'未混入您的深度模型。用您自己的数据检验：假设在 {h} 期之前预测，对 {n} 个商品，混入后相对单独的统计预测，误差将变化 {mase} %（MASE）和 {wape} %（WAPE），两项并未都变好。',
	models_note_deep_unchecked:
		'未混入您的深度模型：没有商品的历史足够长，无法检验 {h} 期之前的预测与之后的实际销量。',
	models_note_deep_not_mixed_backtest:
		'未混入您的深度模型。假设在 {h} 期之前预测，对 {n} 个商品，混合预测的误差将变化 {mase} %（MASE）和 {wape} %（WAPE），但在用于检验模型的历史窗口上，它相对统计选择的误差变化为 {backtest} %（MASE），超过允许的 5 %。',
	models_error_too_short: '序列太短，无法使用此窗口：请减少预测期数或改用按日。',
	models_error_missing: '此已保存的模型已不在本设备上。',
	models_error_weights_missing: '此已保存模型的权重缺失：请重新训练或删除它。',
	models_deep_refused: (p) =>
		`已保存的深度模型“${p.model}”（保存于 ${p.date}）未参与本次预测：${p.reason}其他方法照常预测。`,
	models_error_promotions_missing:
		'此模型训练时使用了您导入的促销数据，但这些数据已不在本设备上：请重新导入，或训练新模型。',
	models_error_signals_missing:
		'此模型训练时使用了市场信号（在“市场”页面导入的搜索热度），但它已不在本设备上：请重新导入，或训练新模型。',
	models_inputs:
		'它读取每个商品的近期销量、日历（季节、星期、购物节）、平均价格，以及导入促销数据时的促销（过去的和计划的）。用促销数据训练的模型需要这些数据才能预测。',
	models_inputs_shop:
		'它读取每个商品的近期销量、日历（季节、星期，以及“设置”中您店铺的节假日和购物节，含您的修改）、数据有单价时的平均价格、导入促销数据时的促销（过去的和计划的），以及按周模型中与商品名称匹配的市场信号（“市场”页面的搜索热度，滞后一周）。模型沿用训练时的日历；用促销数据或市场信号训练的模型需要这些数据才能预测。',
	models_row_inputs: '输入：{list}',
	models_input_sep: '、',
	models_input_sales: '近期销量',
	models_input_calendar: '{country}的节假日和购物节（含当时的修改）',
	models_input_calendar_fixed: '内置购物节',
	models_input_price: '价格',
	models_input_promotion: '促销',
	models_input_signal: '市场信号',
};
