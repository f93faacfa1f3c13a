import { expose } from 'comlink';
import { planApi } from './plan-api';
expose(planApi);
