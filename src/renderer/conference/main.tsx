/** Entry of conference.html, the conference window. It never shows history or the account, so it does not read them. */
import '../styles/base.css';
import '../styles/components.css';
import '../styles/conference.css';
import { boot } from '../boot';
import { ConferenceApp } from './App';

boot(ConferenceApp, { history: false, account: false });
