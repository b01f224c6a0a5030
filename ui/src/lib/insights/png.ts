// A chart's SVG turned into a PNG inside the webview: drawn on a canvas through a data: URL
// (the page's content policy allows data: images, and nothing leaves the machine), then
// handed to Rust as base64 to be saved where the user chooses.

/** The SVG as a standalone document, sized in pixels so the picture keeps its proportions. */
export function standaloneSvg(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const box = svg.viewBox.baseVal;
	if (box && box.width > 0) {
		copy.setAttribute('width', String(box.width));
		copy.setAttribute('height', String(box.height));
	}
	return new XMLSerializer().serializeToString(copy);
}

/** The PNG's bytes in base64 (without the `data:` prefix), drawn at `scale` for sharp print. */
export async function svgToPngBase64(svg: SVGSVGElement, scale = 2): Promise<string> {
	const xml = standaloneSvg(svg);
	const box = svg.viewBox.baseVal;
	const width = Math.round((box?.width || svg.clientWidth) * scale);
	const height = Math.round((box?.height || svg.clientHeight) * scale);
	const image = new Image();
	await new Promise<void>((resolve, reject) => {
		image.onload = () => resolve();
		image.onerror = () => reject(new Error('the chart could not be drawn'));
		image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
	});
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('no canvas');
	context.drawImage(image, 0, 0, width, height);
	return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
