/**
 * The home page's script: only the display preferences. The table of contents
 * is static HTML from the registry; no three.js, d3 or KaTeX is loaded here.
 */
import '../../assets/site.css';
import { installDisplayPreferences } from './theme.ts';

installDisplayPreferences();
