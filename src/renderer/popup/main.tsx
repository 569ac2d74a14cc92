/** Entry of popup.html, the incoming-call popup. It never shows history or the account, so it does not read them. */
import '../styles/base.css';
import '../styles/popup.css';
import { boot } from '../boot';
import { PopupApp } from './App';

boot(PopupApp, { history: false, account: false });
