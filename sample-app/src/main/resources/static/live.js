// Reads Sentro's change stream of posts with fetch (EventSource cannot send the X-API-Key header) and lists each
// change as it arrives. Values are set as text, never as HTML.
const status = document.getElementById('status');
const changes = document.getElementById('changes');

function show(event) {
  const item = document.createElement('li');
  const title = (event.after || event.before || {}).title;
  item.textContent = `${event.operation} post ${Object.values(event.key).join(',')}: ${title}`;
  item.dataset.operation = event.operation;
  changes.prepend(item);
}

async function connect(key) {
  status.textContent = 'Connecting…';
  const response = await fetch('/api/posts/_changes', { headers: { 'X-API-Key': key, Accept: 'text/event-stream' } });
  if (!response.ok) {
    status.textContent = `Refused: ${response.status}`;
    return;
  }
  status.textContent = 'Connected';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      status.textContent = 'Disconnected';
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      if (data) {
        show(JSON.parse(data));
      }
    }
  }
}

document.getElementById('connect').addEventListener('submit', (event) => {
  event.preventDefault();
  connect(document.getElementById('key').value).catch((error) => { status.textContent = `Failed: ${error.message}`; });
});
