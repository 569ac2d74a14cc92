/** Entry of popup.html, the incoming-call popup. It never shows history, so it does not read it. */
import '../styles/base.css';
import '../styles/popup.css';
import { boot } from '../boot';
import { PopupApp } from './App';

boot(PopupApp, { history: false });
