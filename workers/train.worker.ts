// Entry point of the training worker: exposes the API over Comlink, nothing else.
import { expose } from 'comlink';
import { api } from './train-api';
import { installCodedErrorTransfer } from './data/coded-error';

// Thrown errors (a cancel: models_cancelled, models_backtest_cancelled) keep their message code.
installCodedErrorTransfer();
expose(api);
