// The built-in demo dataset's fixed id and stored name (the name shown is translated: src/lib/dataset-name.ts).

/** Fixed id of the demo dataset: tabs importing the demo at the same time store it once. */
export const DEMO_DATASET_ID = 'demo-online-retail';
/** The name the demo is stored under (English; screens show datasets_demo_name instead). */
export const DEMO_DATASET_NAME = 'Demo: UK online gift shop';
