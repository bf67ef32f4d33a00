// main.js -- the protocol editor page: wires the editor, its diagnostics,
// the query box, the leaflet preview and the picture together.
import { getJSON } from './api.js';
import { createEditor, download, readFile } from './editor.js';
import { createDiagnostics } from './diagnostics.js';
import { createQueryBox } from './query.js';
import { createLeaflet } from './leaflet.js';
import { createPicture } from './picture.js';

// The file name the server gives a protocol sent as "source".
const SOURCE_FILE = 'source';
const COMPARE = 'smp';

const $ = (id) => document.getElementById(id);

let explanations = {};
let editor = null;
const goTo = (line, column) => editor.goTo(line, column);
const text = () => editor.text();

let picture = null;
let lastErrors = null;

const lint = createDiagnostics({
  list: $('diagnostic-list'),
  status: $('diagnostic-status'),
  sourceFile: SOURCE_FILE,
  explanations: () => explanations,
  goTo,
  onResult(result) {
    // The picture follows the text once it checks without errors.
    lastErrors = result ? result.errors : null;
    if (picture && lastErrors === 0) picture.refresh();
  },
});

editor = createEditor($('editor'), { onChange() {}, extensions: [lint] });

createQueryBox({
  form: $('query-form'), input: $('query-input'), out: $('query-answer'),
  sourceFile: SOURCE_FILE, text, goTo,
});

createLeaflet({
  form: $('leaflet-form'), date: $('leaflet-date'), frame: $('leaflet-frame'),
  status: $('leaflet-status'), icsButton: $('leaflet-ics'), text,
});

picture = createPicture({
  root: $('picture'), grid: $('picture-grid'), legend: $('picture-legend'),
  tooltip: $('picture-tip'), live: $('picture-live'), table: $('picture-table'),
  diffSwitch: $('picture-diff'), moreButton: $('picture-more'), range: $('picture-range'), compare: COMPARE,
  sourceFile: SOURCE_FILE, text, goTo,
});

$('file-download').addEventListener('click', () => {
  const m = /^\s*protocol\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(text());
  download(`${m ? m[1] : 'protocol'}.care`, text(), 'text/plain');
});
$('file-open').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) editor.setText(await readFile(file));
  event.target.value = '';
});

getJSON('/keywords.json').then((table) => editor.setKeywords(table)).catch(() => {});
getJSON('/explanations.json').then((e) => { explanations = e; }).catch(() => {});
