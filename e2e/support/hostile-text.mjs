// Text a hostile or careless author could type into any field: markup and script in every form
// a browser might run, entity and encoding tricks, direction overrides, very long strings, emoji
// and combining marks. Each payload that could run sets `window.__xss` or calls `alert`.
const long = "A".repeat(10000);

export const PAYLOADS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=\"window.__xss=1\">",
  "<svg onload=window.__xss=1>",
  "<svg><script>window.__xss=1</script></svg>",
  "javascript:window.__xss=1",
  "\"><img src=x onerror=window.__xss=1>",
  "'><script>window.__xss=1</script>",
  "</textarea><script>window.__xss=1</script>",
  "</title><script>window.__xss=1</script>",
  "<iframe src=\"javascript:window.__xss=1\"></iframe>",
  "<a href=\"javascript:window.__xss=1\">click me</a>",
  "<body onload=window.__xss=1>",
  "<input autofocus onfocus=window.__xss=1>",
  "<details open ontoggle=window.__xss=1>",
  "<video><source onerror=\"window.__xss=1\"></video>",
  "<marquee onstart=window.__xss=1>scroll</marquee>",
  "<object data=\"javascript:window.__xss=1\"></object>",
  "<embed src=\"javascript:window.__xss=1\">",
  "<form><button formaction=javascript:window.__xss=1>go</button></form>",
  "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
  "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
  "<style>body{display:none}</style>",
  "<base href=\"javascript:/\">",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
  "\" onmouseover=\"window.__xss=1\" x=\"",
  "' onfocus='window.__xss=1' autofocus x='",
  "&lt;script&gt;window.__xss=1&lt;/script&gt;",
  "&#x3C;img src=x onerror=window.__xss=1&#x3E;",
  "&#60;svg onload=window.__xss=1&#62;",
  "%3Cscript%3Ewindow.__xss=1%3C/script%3E",
  "{{constructor.constructor('window.__xss=1')()}}",
  "${window.__xss=1}",
  "data:text/html,<script>window.__xss=1</script>",
  "<!-- comment --> ]]> <![CDATA[ x ]]>",
  "\u202Egnp.exe (right-to-left override)",
  "\u200Finvisible\u200E marks \u2066isolate\u2069",
  "line\u2028separator\u2029paragraph",
  "👩‍👩‍👧‍👦 🏳️‍🌈 🇨🇦 family, flags",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035Aalgo combining",
  "﷽ Ω≈ç√∫˜µ≤≥÷ ٠١٢٣ 中文 עברית",
  "Tab\tand\nnew line",
  long,
];

/** `text` cut to `max` characters (Canvas limits titles and descriptions to 255). */
export const cut = (text, max = 255) => Array.from(text).slice(0, max).join("");
