// Entry of clientela-widget.js, the tag stores paste: everything happens in boot().
import { boot } from './boot';

boot(window, document);
