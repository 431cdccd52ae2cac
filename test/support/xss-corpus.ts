/**
 * Hostile strings for every free-text field of a plan. Each one, rendered by a
 * component, must show as plain text: no script runs, no element or attribute
 * it names appears in the DOM. Payloads that would run set `window.__sipXss`,
 * so a single global flag tells whether anything executed.
 */
const RUN = 'window.__sipXss=1';

const tags = [
  `<script>${RUN}</script>`,
  `<SCRIPT>${RUN}</SCRIPT>`,
  `<script src="data:text/javascript,${RUN}"></script>`,
  `<img src=x onerror="${RUN}">`,
  `<img src="x" onerror=${RUN}>`,
  `<IMG SRC=x ONERROR=${RUN}>`,
  `<svg onload="${RUN}"></svg>`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><animate onbegin="${RUN}" attributeName="x" dur="1s"/></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.__sipXss=1</script>"></iframe>`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<a href="javascript:${RUN}">klicka</a>`,
  `<a href="JaVaScRiPt:${RUN}">x</a>`,
  `<a href="&#106;avascript:${RUN}">x</a>`,
  `<a href="jav&#x09;ascript:${RUN}">x</a>`,
  `<form action="javascript:${RUN}"><button>x</button></form>`,
  `<body onload="${RUN}">`,
  `<input autofocus onfocus="${RUN}">`,
  `<select autofocus onfocus="${RUN}"></select>`,
  `<textarea autofocus onfocus="${RUN}"></textarea>`,
  `<details open ontoggle="${RUN}">`,
  `<video><source onerror="${RUN}"></video>`,
  `<audio src=x onerror="${RUN}">`,
  `<marquee onstart="${RUN}">`,
  `<div style="background:url(javascript:${RUN})">`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<link rel="import" href="data:text/html,<script>${RUN}</script>">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">`,
  `<template><script>${RUN}</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<div onmouseover="${RUN}">hovra</div>`,
  `<button onclick="${RUN}">Spara</button>`,
  `<p onpointerenter="${RUN}">`,
  `<x onclick="${RUN}">custom</x>`,
  `<sip-plan-editor onclick="${RUN}"></sip-plan-editor>`,
  `<slot name="x" onclick="${RUN}"></slot>`,
];

const brokenMarkup = [
  `"><script>${RUN}</script>`,
  `'><img src=x onerror=${RUN}>`,
  `</textarea><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `</style><script>${RUN}</script>`,
  `--><script>${RUN}</script><!--`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
  `<![CDATA[<script>${RUN}</script>]]>`,
  `<<script>${RUN}//<</script>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `<img """><script>${RUN}</script>">`,
  `<img src=x onerror=${RUN}`,
  `<div <img src=x onerror=${RUN}>>`,
  `<</p>iframe src=javascript:${RUN}>`,
  '<p>unclosed <b>bold <i>italic',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;',
  '\\x3cscript\\x3e',
  '\\u003cscript\\u003e',
  `<img src=x onerror=&#x77;indow.__sipXss=1>`,
];

const templateAndUrls = [
  '${window.__sipXss=1}',
  '{{constructor.constructor("window.__sipXss=1")()}}',
  `<div>{{${RUN}}}</div>`,
  '#{7*7}',
  `javascript:${RUN}`,
  `JAVASCRIPT:${RUN}`,
  ` javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19zaXBYc3M9MTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `//evil.example/%0a${RUN}`,
  `https://example.org/"><script>${RUN}</script>`,
  `http://[::1]/?q=<script>${RUN}</script>`,
  `file:///etc/passwd`,
  'about:blank',
  `blob:https://example.org/${RUN}`,
  'mailto:someone@example.org?body=<script>',
];

const unicode = [
  '\u202Egnp.exe',
  'Anna \u202Etxet lanigiro\u202C slut',
  '\u2066isolate\u2069 \u2067rtl\u2069',
  '\u200F\u200E\u061C marks',
  'שלום עולם — עברית',
  'مرحبا بالعالم',
  'zero\u200Bwidth\u200Cjoin\u200Dx',
  'combining a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '🧑‍🦽 rullstol 👨‍👩‍👧 familj',
  '\uFEFFBOM start',
  'tab\there\nnewline\r\ncrlf',
  'null\\0 byte text',
  'Åsa Öberg-Ängström',
  'Ŋ ŧ đ ĸ ł — samiska: Ánde Sámmol',
  '𝕳𝖊𝖑𝖑𝖔 𝒳𝒮𝒮',
  '<\u0073cript>',
  '＜script＞window.__sipXss=1＜/script＞',
  '\uFF1Cimg src=x onerror=window.__sipXss=1\uFF1E',
];

const longStrings = [
  'A'.repeat(2000),
  '<b>'.repeat(300),
  `${'<div>'.repeat(200)}<img src=x onerror=${RUN}>`,
  'ord '.repeat(480),
  '\u202E'.repeat(100),
  '&amp;'.repeat(300),
];

const misc = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '[object Object]',
  'undefined',
  'null',
  'NaN',
  '0',
  '-1',
  'true',
  '%s%s%s%n',
  "' OR '1'='1",
  '; DROP TABLE plans;--',
  '../../../../etc/passwd',
  '\u0000',
  'CON',
];

/** At least 100 hostile strings, each within the model's free-text limits (≤ 2000 characters). */
export const XSS_CORPUS: readonly string[] = [...tags, ...brokenMarkup, ...templateAndUrls, ...unicode, ...longStrings, ...misc].map((s) =>
  s.length > 2000 ? s.slice(0, 2000) : s,
);

/** Tag names that must never appear in a component's DOM because of the corpus. */
export const FORBIDDEN_TAGS = ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'form', 'video', 'audio', 'marquee', 'math', 'base', 'meta', 'link', 'x', 'noscript', 'template'];
