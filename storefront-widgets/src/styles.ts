/**
 * Every widget's look, themed from the page through CSS custom properties (they cross
 * the shadow root): --pressline-font, --pressline-text, --pressline-muted,
 * --pressline-accent, --pressline-accent-text, --pressline-bg, --pressline-border,
 * --pressline-radius.
 */
export const STYLES = `
:host{display:block;font:14px/1.45 var(--pressline-font,system-ui,sans-serif);color:var(--pressline-text,#1f2328)}
*{box-sizing:border-box}
section{background:var(--pressline-bg,#fff);border:1px solid var(--pressline-border,#d0d7de);border-radius:var(--pressline-radius,8px);padding:12px 16px;margin:0 0 12px}
h3{margin:0 0 6px;font-size:1.1em}
ol.timeline{display:flex;gap:4px;list-style:none;padding:0;margin:8px 0;flex-wrap:wrap}
ol.timeline li{flex:1;min-width:90px;padding:6px;border-top:3px solid var(--pressline-border,#d0d7de);color:var(--pressline-muted,#656d76)}
ol.timeline li.reached{border-color:var(--pressline-accent,#0969da);color:inherit}
ol.timeline li.current{font-weight:600;color:var(--pressline-accent,#0969da)}
small,.muted{color:var(--pressline-muted,#656d76)}
img.thumb{width:96px;height:96px;object-fit:contain;border:1px solid var(--pressline-border,#d0d7de);border-radius:4px;background:#fff}
button{font:inherit;cursor:pointer;border:0;border-radius:var(--pressline-radius,8px);padding:6px 12px;background:var(--pressline-accent,#0969da);color:var(--pressline-accent-text,#fff)}
button.secondary{background:transparent;color:var(--pressline-accent,#0969da);border:1px solid currentColor}
textarea{width:100%;font:inherit;min-height:3em}
ul{padding-left:18px;margin:4px 0}
.error{color:#cf222e}
.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin:6px 0}
.msg{margin:6px 0;padding:6px 8px;border-radius:6px;background:#f6f8fa}
.msg.shop{background:#ddf4ff}
`;
