// Copying to the clipboard from the webview. The copy command on a hidden text area goes
// first: it runs at once, inside the click, which is what webviews require. Where it is
// refused, the asynchronous clipboard API is tried, with a time limit so a promise left
// pending cannot hold the button forever.

const CLIPBOARD_WAIT_MS = 2000;

function copyCommand(text: string, doc: Document): boolean {
	const area = doc.createElement('textarea');
	area.value = text;
	area.setAttribute('readonly', '');
	area.style.position = 'fixed';
	area.style.opacity = '0';
	doc.body.appendChild(area);
	try {
		area.select();
		return doc.execCommand('copy');
	} catch {
		return false;
	} finally {
		area.remove();
	}
}

export async function copyText(text: string, doc: Document = document): Promise<boolean> {
	if (copyCommand(text, doc)) return true;
	const clipboard = globalThis.navigator?.clipboard;
	if (!clipboard?.writeText) return false;
	const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CLIPBOARD_WAIT_MS));
	const written = clipboard.writeText(text).then(
		() => true,
		() => false
	);
	return Promise.race([written, timeout]);
}
