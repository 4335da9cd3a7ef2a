/**
 * One corpus of hostile payloads for every untrusted input and export. Each payload that runs calls
 * `__xss()` (the sentinel) or reaches for `https://xss.invalid/…` (the request listener), so an
 * execution or a request leaving the origin is seen whichever way it happens.
 */
export const XSS_CORPUS: readonly string[] = [
  '<script>__xss()</script>',
  '</script><script>__xss()</script>',
  '<img src=x onerror=__xss()>',
  '<svg onload=__xss()></svg>',
  '<svg><script>__xss()</script></svg>',
  '<a href="javascript:__xss()">click</a>',
  '[click](javascript:__xss())',
  '[data](data:text/html,<script>parent.__xss()</script>)',
  '<iframe srcdoc="<script>parent.__xss()</script>"></iframe>',
  '</style><style>body{background:url(https://xss.invalid/css)}</style>',
  '<div style="background:url(https://xss.invalid/inline)">x</div>',
  '<meta http-equiv="refresh" content="0;url=https://xss.invalid/refresh">',
  '<img src="https://xss.invalid/img">',
  '![img](https://xss.invalid/md-img)',
  '<noscript><p title="</noscript><img src=x onerror=__xss()>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss()>',
  '\u2028\u2029</script><script>__xss()</script>',
  '<!--<script>__xss()</script>-->',
  '" onmouseover="__xss()" x="',
  "'><script>__xss()</script>",
];
