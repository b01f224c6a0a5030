/**
 * The UI locale, fully controlled by Encore's own code (never by cookies, URLs or the browser).
 *
 * - On start the app asks Rust for the saved locale (or, on first start, the OS locale, mapped
 *   by Rust) and calls `applyLocale`.
 * - The language picker calls `applyLocale(l)` and saves `l` in the database.
 *
 * Switching never reloads the page: paraglide's `getLocale()` is overwritten to read a `$state`
 * rune, so every template or `$derived` that calls a message function re-renders on change.
 * Components therefore call message functions in markup or `$derived`, never once in a script.
 */
import {
	baseLocale,
	locales as paraglideLocales,
	overwriteGetLocale,
	overwriteSetLocale,
	type Locale as ParaglideLocale
} from '$lib/paraglide/runtime.js';

export type Locale = 'en' | 'zh-CN';

/** Every supported locale, in the order shown in the language picker. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Each locale's name in its own language (for the language picker; never translated). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
	en: 'English',
	'zh-CN': '简体中文'
};

// Compile-time guard: our list and paraglide's compiled list must agree.
const _sameLocales: [Locale, ParaglideLocale] extends [ParaglideLocale, Locale] ? true : never = true;
void _sameLocales;
void paraglideLocales;

const state = $state<{ locale: Locale }>({ locale: baseLocale as Locale });

overwriteGetLocale(() => state.locale);
// Anyone calling paraglide's setLocale directly also gets the no-reload behaviour.
overwriteSetLocale((l) => {
	applyLocale(l as Locale);
});

/** The active locale (reactive: reading it inside a component or `$derived` tracks changes). */
export function currentLocale(): Locale {
	return state.locale;
}

/** Switch the UI language at once, without reloading. */
export function applyLocale(l: Locale): void {
	if (!isLocale(l)) {
		throw new Error(`unsupported locale: ${String(l)}`);
	}
	state.locale = l;
	if (typeof document !== 'undefined') {
		document.documentElement.lang = l;
	}
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
