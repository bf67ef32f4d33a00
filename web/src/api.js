// api.js -- the calls the page makes to `aftercare serve` (docs/server.md).
// Every request goes to the server that served the page: no other host.

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response;
}

// POSTs a JSON body and returns {status, json} (json is null when the
// answer is not JSON).
export async function postJSON(path, body) {
  const response = await post(path, body);
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  return { status: response.status, json };
}

// POSTs a JSON body and returns {status, type, text}: for plans.
export async function postText(path, body) {
  const response = await post(path, body);
  return {
    status: response.status,
    type: response.headers.get('Content-Type') || '',
    text: await response.text(),
  };
}

export async function getJSON(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

// Splits a source "FILE:LINE" into {file, line}; line is 0 when absent.
export function parseSource(source) {
  const m = /^(.*):(\d+)$/.exec(source || '');
  return m ? { file: m[1], line: Number(m[2]) } : { file: source || '', line: 0 };
}
