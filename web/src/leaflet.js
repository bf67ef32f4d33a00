// leaflet.js -- the client's leaflet for a session date: the HTML plan
// (POST /v1/plan) shown in a sandboxed frame, and the plan as an iCalendar
// file to download.
import { postText } from './api.js';
import { download } from './editor.js';

export function createLeaflet({ form, date, frame, status, icsButton, text }) {
  const today = new Date();
  date.value = today.toISOString().slice(0, 10);

  async function plan(format) {
    const answer = await postText('/v1/plan', {
      source: text(),
      sessions: [date.value],
      format,
    });
    if (answer.status !== 200) {
      let message = answer.text;
      try {
        const json = JSON.parse(answer.text);
        message = (json.error && json.error.message) || json.message || message;
      } catch (e) {
        // not JSON: shown as it came
      }
      status.textContent = `No plan: ${message}`;
      return null;
    }
    status.textContent = '';
    return answer.text;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Making the leaflet...';
    const html = await plan('html');
    if (html !== null) {
      frame.srcdoc = html;
      frame.hidden = false;
      status.textContent = `The leaflet for a session on ${date.value}.`;
    }
  });

  icsButton.addEventListener('click', async () => {
    status.textContent = 'Making the calendar...';
    const ics = await plan('ics');
    if (ics !== null) {
      download(`aftercare-${date.value}.ics`, ics, 'text/calendar');
      status.textContent = `The calendar for a session on ${date.value} was downloaded.`;
    }
  });
}
