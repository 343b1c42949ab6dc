/**
 * The page's stylesheet: one column for phones, 44 px touch targets, nothing wider than the
 * screen (long words and codes wrap), and system fonts (no web font to download).
 */
export const CSS = `
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f5f7fa;color:#1f1f1f;font:15px/1.55 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;overflow-wrap:anywhere}
button,input,select,textarea{font:inherit;color:inherit}
.mq-head{background:#b71c1c;color:#fff;padding:12px 16px calc(12px) 16px}
.mq-head-in,.mq-main{max-width:980px;margin:0 auto}
.mq-head-in{display:flex;gap:12px;align-items:flex-start;justify-content:space-between}
.mq-head h1{font-size:18px;line-height:1.35;margin:0;align-self:center}
.mq-head p{margin:2px 0 0;font-size:13px;opacity:.88}
.mq-lang{flex:none;min-height:44px;min-width:44px;padding:0 12px;border:1px solid rgba(255,255,255,.6);border-radius:8px;color:#fff;text-decoration:none;display:inline-flex;align-items:center}
.mq-tabs{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid #e5e7eb;display:grid;grid-template-columns:repeat(5,1fr)}
.mq-tab{min-height:52px;border:0;background:none;padding:6px 2px;font-size:13px;line-height:1.25;color:#555;border-bottom:3px solid transparent;cursor:pointer}
.mq-tab[aria-selected="true"]{color:#b71c1c;border-bottom-color:#b71c1c;font-weight:600}
.mq-main{padding:12px}
.mq-card{background:#fff;border-radius:10px;padding:14px;margin:0 0 10px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.mq-card h2,.mq-card h3{margin:0 0 6px;font-size:16px;line-height:1.4}
.mq-row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.mq-between{justify-content:space-between}
.mq-muted{color:#666;font-size:13px}
.mq-meta{display:flex;flex-wrap:wrap;gap:4px 12px;color:#666;font-size:13px}
.mq-pre{white-space:pre-wrap}
.mq-pill{display:inline-block;padding:2px 10px;border-radius:999px;font-size:13px;white-space:nowrap;background:#f0f0f0;color:#444}
.mq-tone-blue{background:#e6f0ff;color:#0b57d0}.mq-tone-cyan{background:#e0f7fa;color:#00727f}
.mq-tone-green{background:#e7f6ea;color:#1b6e2d}.mq-tone-red{background:#fdecea;color:#b3261e}
.mq-btn{min-height:44px;padding:0 16px;border-radius:8px;border:1px solid #d0d5dd;background:#fff;cursor:pointer;display:inline-flex;align-items:center;justify-content:center;gap:6px;text-decoration:none}
.mq-btn:disabled{opacity:.6}
.mq-primary{background:#b71c1c;border-color:#b71c1c;color:#fff;font-weight:600}
.mq-block{display:flex;width:100%}
.mq-link{display:inline-flex;align-items:center;justify-content:center;border:0;background:none;color:#0b57d0;min-height:44px;min-width:44px;padding:0 8px;cursor:pointer}
.mq-field{margin:0 0 14px}
.mq-field>label,.mq-label{display:block;font-weight:600;margin:0 0 6px}
.mq-input{display:block;width:100%;min-height:44px;padding:10px 12px;border:1px solid #d0d5dd;border-radius:8px;background:#fff;font-size:16px}
textarea.mq-input{min-height:120px;resize:vertical}
.mq-input:focus,.mq-btn:focus-visible,.mq-tab:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.mq-invalid{border-color:#b3261e}
.mq-error{color:#b3261e;font-size:13px;margin-top:4px}
.mq-alert{border-radius:8px;padding:10px 12px;margin:0 0 12px;background:#e6f0ff}
.mq-alert-error{background:#fdecea;color:#8c1d18}.mq-alert-ok{background:#e7f6ea}
.mq-filters{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:0 0 12px}
.mq-filters .mq-wide{grid-column:1/-1}
.mq-search{display:flex;gap:8px}
.mq-search .mq-input{flex:1;min-width:0}
.mq-options{list-style:none;margin:4px 0 0;padding:0;border:1px solid #d0d5dd;border-radius:8px;background:#fff;max-height:264px;overflow-y:auto}
.mq-options button{display:block;width:100%;min-height:44px;text-align:left;border:0;border-bottom:1px solid #f0f0f0;background:none;padding:8px 12px;cursor:pointer}
.mq-photos{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}
.mq-thumb{position:relative;width:96px;height:96px}
.mq-thumb img{width:96px;height:96px;object-fit:cover;border-radius:8px;display:block}
.mq-thumb button{position:absolute;top:-10px;right:-10px;width:44px;height:44px;border-radius:50%;border:0;background:transparent;cursor:pointer;padding:0}
.mq-thumb button span{display:inline-flex;width:26px;height:26px;border-radius:50%;background:rgba(0,0,0,.72);color:#fff;align-items:center;justify-content:center;font-size:16px;line-height:1}
.mq-picker{display:inline-flex;flex-direction:column;align-items:center;justify-content:center;width:96px;height:96px;border:1.5px dashed #98a2b3;border-radius:8px;color:#444;font-size:13px;text-align:center;cursor:pointer;background:#fff;padding:4px}
.mq-picker input{position:absolute;width:1px;height:1px;opacity:0;pointer-events:none}
.mq-picker b{font-size:26px;line-height:1;font-weight:400}
details>summary{min-height:44px;display:flex;align-items:center;cursor:pointer;font-weight:600;list-style:none}
details>summary::before{content:"▸";margin-right:6px;color:#666}
details[open]>summary::before{content:"▾"}
.mq-stats{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:0 0 10px}
.mq-stat{background:#fff;border-radius:10px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.mq-stat div{font-size:13px;color:#666}.mq-stat strong{font-size:22px}
.mq-bar{display:grid;grid-template-columns:34% 1fr auto;gap:8px;align-items:center;margin:6px 0;font-size:13px}
.mq-bar>span:first-child{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.mq-bar i{display:block;height:14px;background:#0b57d0;border-radius:3px}
.mq-bar>span:nth-child(2){background:#f0f0f0;border-radius:3px}
.mq-steps{list-style:none;padding:0;margin:8px 0}
.mq-steps li{position:relative;padding:0 0 12px 26px;color:#888}
.mq-steps li::before{content:"";position:absolute;left:6px;top:6px;width:10px;height:10px;border-radius:50%;border:2px solid #c0c4cc;background:#fff}
.mq-steps li.mq-done{color:#1f1f1f}.mq-steps li.mq-done::before{background:#1b6e2d;border-color:#1b6e2d}
.mq-code{font:600 22px/1.3 ui-monospace,SFMono-Regular,Menlo,monospace;letter-spacing:.5px;margin:8px 0}
.mq-mine{display:flex;flex-direction:column;gap:8px;margin:0 0 12px}
.mq-mine button{text-align:left;min-height:52px;align-items:flex-start;padding:6px 12px}
.mq-stars{display:flex;gap:4px}
.mq-star{width:52px;height:52px;border:0;background:none;font-size:36px;line-height:1;color:#d0d5dd;cursor:pointer;padding:0}
.mq-star[aria-checked="true"],.mq-star.mq-on{color:#f5a623}
.mq-choices{display:flex;flex-wrap:wrap;gap:8px}
.mq-choices label{min-height:44px;display:inline-flex;align-items:center;gap:6px;padding:0 14px;border:1px solid #d0d5dd;border-radius:8px;background:#fff;cursor:pointer}
.mq-choices input{width:18px;height:18px}
.mq-photo-row{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.mq-photo-row a{display:block}
.mq-photo-row img{width:96px;height:96px;object-fit:cover;border-radius:6px}
.mq-proactive{border-left:4px solid #1b6e2d}
.mq-empty{text-align:center;color:#888;padding:28px 8px}
@media (min-width:720px){.mq-filters{grid-template-columns:2fr 1fr 1fr 1.5fr}.mq-filters .mq-wide{grid-column:auto}.mq-stats{grid-template-columns:repeat(6,1fr)}.mq-tab{font-size:15px}}
`;
