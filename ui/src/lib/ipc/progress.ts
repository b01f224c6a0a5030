// A channel a command streams progress through. Kept here so components never import Tauri.
import { Channel } from '@tauri-apps/api/core';

export function progressChannel<T>(onmessage: (value: T) => void): Channel<T> {
	const channel = new Channel<T>();
	channel.onmessage = onmessage;
	return channel;
}
