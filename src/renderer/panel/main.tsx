/** Entry of panel.html, the tray panel. */
import '../styles/base.css';
import '../styles/components.css';
import '../styles/panel.css';
import { boot } from '../boot';
import { PanelApp } from './App';

boot(PanelApp);
