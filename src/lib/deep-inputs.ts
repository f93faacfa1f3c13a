// The deep models' shop-inputs switch for the state and the views (which import no src/ml module).
export { DEEP_SHOP_INPUTS } from '../ml/shop-inputs';
